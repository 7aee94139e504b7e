// Drives examples/channel-relay as users run it: relay processes (the built SDK) against the emulator, a
// folder channel, and for several instances a real redis-server on a free port.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';

export const root = join(__dirname, '../../..');
export const sample = join(root, 'examples/channel-relay/sample');

export interface RelayProcess {
  name: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startRelay(args: string[], name = 'relay', env: NodeJS.ProcessEnv = process.env): RelayProcess {
  const child = spawn(process.execPath, [join(root, 'examples/channel-relay/relay.js'), ...args], { cwd: root, env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, output: () => output, exited };
}

/** As a crash: SIGKILL, no goodbye to the service or the store. */
export async function killRelay(relay: RelayProcess): Promise<void> {
  relay.child.kill('SIGKILL');
  await relay.exited;
}

/** Polls `read` until `test` holds; fails with `describe()` (the relays' output). */
export async function until<T>(read: () => T | Promise<T>, test: (value: T) => boolean, label: string, describe: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}; relays said:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type OutboxRecord = { id?: string; from?: string; text?: string; file?: string; name?: string; ended?: boolean };

export function readOutbox(dataDir: string, conversation: string): OutboxRecord[] {
  const file = join(dataDir, 'outbox', conversation, 'messages.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OutboxRecord);
}

export const outboxTexts = (dataDir: string, conversation: string): string[] =>
  readOutbox(dataDir, conversation)
    .filter((record) => record.text !== undefined)
    .map((record) => record.text as string);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The redis-server on PATH (Debian's package), or null. */
export function findRedisServer(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** A throwaway redis-server on a free loopback port, nothing saved to disk. */
export async function startRedis(binary: string): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
