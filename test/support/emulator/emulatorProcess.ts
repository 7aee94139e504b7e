// The emulator in a child process, built privately (one build folder per test file, so parallel files never
// write the same files), for tests that read its memory (RSS) from outside.
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '../../..');

export interface EmulatorProcess {
  child: ChildProcess;
  base: string;
  /** The child's resident set size, in MB. */
  rssMb(): number;
  stop(): void;
}

/** Build folders already built by this test file. */
const built = new Set<string>();

/** Builds the emulator into node_modules/.cache/<buildName> (once per test file) and starts its CLI on a free port. */
export async function startEmulatorProcess(buildName: string, args: string[] = []): Promise<EmulatorProcess> {
  const buildDir = path.join(ROOT, 'node_modules/.cache', buildName);
  if (!built.has(buildDir)) execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'emulator/tsconfig.json', '--outDir', buildDir], { cwd: ROOT });
  built.add(buildDir);
  const cli = path.join(buildDir, 'cli.js');
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(cli)}).main(process.argv.slice(1))`, '--', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.resume();
  const base = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return {
    child,
    base,
    rssMb: () => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid ?? 0)]).toString().trim()) / 1024,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
