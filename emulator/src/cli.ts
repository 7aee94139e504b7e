// `chatjs-emulator [--port 9100] [--host 127.0.0.1] [--bot none|echo|lex|demo] [--latency-ms 0] [--static-root DIR] [--allow-origin ORIGIN]... [--cert FILE --key FILE] [--max-connections N]`
// plus the contact-center flags: [--queues A,B] [--no-agent wait|end] [--max-queue-wait-ms N] [--queue-update-ms N]
// [--customer-idle-ms N] [--customer-disconnect-ms N] [--agent-idle-ms N] [--agent-disconnect-ms N]
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { normalizeOrigin } from './http/policy';
import { DEFAULTS } from './context';
import { startEmulator } from './index';
import { startFailureMessage } from './startFailure';
import type { BotKind, ChatTimeouts, ContactCenterOptions, EmulatorOptions } from './types';

const USAGE =
  'usage: chatjs-emulator [--port 9100] [--host 127.0.0.1] [--bot none|echo|lex|demo] [--latency-ms 0] [--static-root DIR] [--allow-origin ORIGIN]... [--cert FILE --key FILE]\n' +
  '       [--max-connections N]\n' +
  '       [--queues A,B] [--no-agent wait|end] [--max-queue-wait-ms N] [--queue-update-ms N]\n' +
  '       [--customer-idle-ms N] [--customer-disconnect-ms N] [--agent-idle-ms N] [--agent-disconnect-ms N]';
const BOTS: BotKind[] = ['none', 'echo', 'lex', 'demo'];
const DAY_MS = 24 * 60 * 60 * 1000;
const TIMEOUT_FLAGS: Record<string, keyof ChatTimeouts> = {
  '--customer-idle-ms': 'customerIdleMs',
  '--customer-disconnect-ms': 'customerDisconnectMs',
  '--agent-idle-ms': 'agentIdleMs',
  '--agent-disconnect-ms': 'agentDisconnectMs',
};

class UsageError extends Error {}

/** Parses the flags; throws UsageError with the reason. */
export function parseArgs(argv: string[]): EmulatorOptions {
  const options: EmulatorOptions = {};
  const files: { cert?: string; key?: string } = {};
  const center = (): ContactCenterOptions => (options.contactCenter ??= {});
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port':
        options.port = integerFlag(flag, value(), 0, 65535);
        break;
      case '--host':
        options.host = value();
        break;
      case '--bot':
        options.bot = botFlag(value());
        break;
      case '--latency-ms':
        options.latencyMs = integerFlag(flag, value(), 0, 600_000);
        break;
      case '--static-root':
        options.staticRoot = value();
        break;
      case '--allow-origin':
        options.allowOrigins = [...(options.allowOrigins ?? []), originFlag(value())];
        break;
      case '--cert':
        files.cert = value();
        break;
      case '--key':
        files.key = value();
        break;
      case '--max-connections':
        options.maxConnections = positiveIntegerFlag(flag, value());
        break;
      case '--queues':
        center().queues = value().split(',').map((name) => name.trim());
        break;
      case '--no-agent':
        center().noAgent = noAgentFlag(value());
        break;
      case '--max-queue-wait-ms':
        center().maxQueueWaitMs = integerFlag(flag, value(), 1, DAY_MS);
        break;
      case '--queue-update-ms':
        center().queueUpdateIntervalMs = integerFlag(flag, value(), 0, DAY_MS);
        break;
      default:
        if (TIMEOUT_FLAGS[flag]) {
          center().timeouts = { ...center().timeouts, [TIMEOUT_FLAGS[flag]]: integerFlag(flag, value(), 1, DAY_MS) };
          break;
        }
        throw new UsageError(`unknown argument ${argv[index]}`);
    }
  }
  if (Boolean(files.cert) !== Boolean(files.key)) throw new UsageError('--cert and --key go together');
  if (files.cert && files.key) {
    options.cert = readFileSync(files.cert);
    options.key = readFileSync(files.key);
  }
  return options;
}

function integerFlag(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be an integer ${min}..${max}`);
  return value;
}

/** A count with no useful upper bound (the open-file limit is the real one): any whole number above 0. */
function positiveIntegerFlag(flag: string, raw: string): number {
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive integer (got ${JSON.stringify(raw)})`);
  return value;
}

function originFlag(raw: string): string {
  try {
    return normalizeOrigin(raw);
  } catch (err) {
    throw new UsageError(`--allow-origin: ${(err as Error).message.replace(/^allowOrigins: /, '')}`);
  }
}

function noAgentFlag(raw: string): 'wait' | 'end' {
  if (raw !== 'wait' && raw !== 'end') throw new UsageError('--no-agent must be wait or end');
  return raw;
}

function botFlag(raw: string): BotKind {
  if (!(BOTS as string[]).includes(raw)) throw new UsageError(`--bot must be one of ${BOTS.join(', ')}`);
  return raw as BotKind;
}

/** Runs the emulator until SIGINT/SIGTERM. */
export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let options: EmulatorOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`chatjs-emulator: ${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator({ ...options, log: (line) => process.stderr.write(`${line}\n`) }).catch((err: Error) => {
    process.stderr.write(`chatjs-emulator: ${startFailureMessage(err, { port: options.port ?? DEFAULTS.port, host: options.host })}\n`);
    // Exit now: nothing is served, and a half-started emulator must not linger (npm start would look alive).
    process.exit(1);
  });
  process.stdout.write(`chatjs-emulator listening on ${emulator.url}\n`);
  const root = path.resolve(options.staticRoot ?? process.cwd());
  if (existsSync(path.join(root, 'examples', 'index.html'))) process.stdout.write(`Open ${emulator.url}/examples/ to chat\n`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
