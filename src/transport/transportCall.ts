// One call of the owner's transport function, turned into an outcome the state machine can act on:
// a usable transport, a failure worth retrying, or a reason to stop. Shared by connects and rotations.
import { isTerminalTransportError, toError } from './errors.js';
import { validateTransportResult, type ValidTransport } from './frames.js';
import { DisconnectReason } from './types.js';

export type TransportFn = () => unknown;

export type TransportOutcome =
  | { kind: 'ok'; transport: ValidTransport }
  | { kind: 'retry'; error: Error }
  | { kind: 'terminal'; reason: DisconnectReason; message: string; error?: Error };

/** Never rejects. A synchronous throw or a plain (non-promise) return value are handled like async ones. */
export function callTransport(fn: TransportFn): Promise<TransportOutcome> {
  return new Promise<unknown>((resolve) => resolve(fn())).then(toOutcome, fromRejection);
}

function toOutcome(result: unknown): TransportOutcome {
  const transport = validateTransportResult(result);
  if (typeof transport !== 'string') return { kind: 'ok', transport };
  return { kind: 'terminal', reason: DisconnectReason.InvalidTransport, message: `invalid transport: ${transport}` };
}

function fromRejection(rejection: unknown): TransportOutcome {
  const error = toError(rejection, 'the transport function rejected');
  if (!isTerminalTransportError(rejection)) return { kind: 'retry', error };
  const message = `transport function failed terminally: ${error.message}`;
  return { kind: 'terminal', reason: DisconnectReason.TerminalTransportError, message, error };
}
