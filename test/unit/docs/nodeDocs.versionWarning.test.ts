/**
 * @jest-environment node
 */
// README and docs/node.md say how to silence the AWS SDK's Node 20 warning: check that the variable they name
// is the one the installed AWS SDK reads (a child Node, as a relay would run).
import { execFileSync } from 'child_process';

const SCRIPT = "require('@aws-sdk/core/client').emitWarningIfUnsupportedVersion('v20.11.0')";

function stderrOf(env: Record<string, string>): string {
  // process.emitWarning prints to stderr; the child sends its stderr writes to stdout, which we read.
  return execFileSync(process.execPath, ['-e', `process.stderr.write = (s) => process.stdout.write(s); ${SCRIPT}`], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

it('warns about Node 20 by default, and AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true silences it', () => {
  const base = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: '' };
  expect(stderrOf(base)).toContain('NodeVersionSupportWarning');
  expect(stderrOf({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' })).not.toContain('NodeVersionSupportWarning');
});
