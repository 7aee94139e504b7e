// The controller's state machine: one variable holding the state and what that state owns, and the
// reasons a state changes. The public ControllerState is derived from it.
import type { ConnectArgs, ConnectChatResult, ControllerState } from '../../types.js';

/** A promise with its settle functions, owned by the state that made it. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Every state of a chat, with what it owns. `leaving` is the one sub-phase of being connected: the
 * participant left (DisconnectParticipant succeeded), calls are refused and the chat ends when chat.ended
 * arrives or the link drops; apps see it as `connected`.
 */
export type Phase =
  | { name: 'idle' }
  | { name: 'connecting'; attempt: Deferred<ConnectChatResult>; args: ConnectArgs; resume: boolean }
  | { name: 'connected' }
  | { name: 'reconnecting' }
  | { name: 'leaving' }
  | { name: 'broken' }
  | { name: 'ended' }
  | { name: 'closed' };

export type PhaseName = Phase['name'];

/** Why a state changed; tests and the INFO log line name these codes. */
export type StateChangeCode =
  | 'connect' // connect() was called
  | 'connect-failed' // CreateParticipantConnection (or the Streams token) failed
  | 'established' // the websocket came up
  | 'lost' // the websocket dropped; the manager reconnects
  | 'broken' // the manager gave up
  | 'participant-left' // DisconnectParticipant succeeded
  | 'chat-ended' // chat.ended arrived
  | 'service-refused' // the service refused a new connection or a token renewal (403)
  | 'transferred' // the contact moved to another agent
  | 'closed' // close(): the session let go of the chat, which goes on
  | 'resume-refused'; // connect({ resumeAfterItemId }): the service does not know that item

export interface StateChangeReason {
  code: StateChangeCode;
  /** Free text: the socket's close reason, the error message, ... */
  detail?: string;
  /** The error behind the change, when there is one (connect() rejects with it). */
  error?: Error;
}

export interface StateChange {
  from: PhaseName;
  to: PhaseName;
  reason: StateChangeReason;
}

/** States that hold a link (a hub membership, a token refresher, maybe a recovery). */
export const holdsLink = (name: PhaseName): boolean =>
  name === 'connecting' || name === 'connected' || name === 'reconnecting' || name === 'leaving';

/** States no change leaves. */
export const isFinal = (name: PhaseName): boolean => name === 'ended' || name === 'closed';

/** What apps see (getState, `controller.getState()`). */
export function publicState(name: PhaseName): ControllerState {
  return name === 'leaving' ? 'connected' : name;
}

export function describeChange({ from, to, reason }: StateChange): string {
  return `Session state ${from} -> ${to} (${reason.code}${reason.detail ? `: ${reason.detail}` : ''})`;
}
