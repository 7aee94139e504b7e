// The AWS SDK's browser user-agent provider, loaded from its ES module build (the Node build of the SDK has
// only the Node provider), so tests can compare the browser builds' own user agent with the SDK's.
import { readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';

type Section = [string, string?];
export type UserAgentProviderFactory = (options: { serviceId: string; clientVersion: string }) => () => Promise<Section[]>;

const FILE = join(__dirname, '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-browser/defaultUserAgent.js');

export function loadBrowserUserAgentProvider(): UserAgentProviderFactory {
  const source = ts.transpileModule(readFileSync(FILE, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const exported: Record<string, unknown> = {};
  // Its one import (a bowser-based provider) is not used by the default provider.
  const requireStub = () => ({});
  new Function('exports', 'require', source)(exported, requireStub);
  return exported.createDefaultUserAgentProvider as UserAgentProviderFactory;
}
