// The messages the tabs of one chat exchange over their BroadcastChannel. Every message names its sender
// (`from`, a random id per session); a message meant for one tab names it in `to`. Only what the feature
// needs travels: items, link events, the calls a follower hands to the holder and their answers.
import type { ChatTranscriptItem, PendingMessage } from '../../types.js';
import type { DeepHeartbeatInfo } from '../link/linkListener.js';

/** A link event as the holder's websocket reported it, relayed to the followers. */
export type RelayedLinkEvent =
  | { event: 'item'; item: ChatTranscriptItem }
  | { event: 'established' }
  /** The socket dropped, or could not be made: why (an Error does not cross the channel). */
  | { event: 'lost' | 'broken'; reason: { reason: string; code?: number } }
  | { event: 'deepHeartbeat'; ok: boolean; info: DeepHeartbeatInfo }
  | { event: 'chatOver' }
  /** A new holder took the websocket over: every tab fetches what it missed in between. */
  | { event: 'resync' };

/** The calls a follower hands to the holder, so that the holder's throttles and outbox see every tab's. */
export type ForwardedMethod = 'sendMessage' | 'sendEvent' | 'resendFailedMessage' | 'discardPendingMessage';

/** An error crossing the channel: the fields a ChatServiceError is rebuilt from. */
export interface ForwardedError {
  name: string;
  message: string;
  type?: string;
  statusCode?: number;
}

export type TabMessage =
  /** A session joined (or asks who holds): the holder answers `welcome`, everyone else `present`. */
  | { kind: 'hello'; from: string }
  | { kind: 'present'; from: string; to: string }
  | { kind: 'welcome'; from: string; to: string; up: boolean }
  /** This tab now holds the websocket. */
  | { kind: 'holding'; from: string }
  /** This tab's session ends or its page goes away. */
  | { kind: 'bye'; from: string }
  | { kind: 'ping'; from: string }
  | { kind: 'pong'; from: string; to: string }
  | ({ kind: 'link'; from: string } & RelayedLinkEvent)
  | { kind: 'call'; from: string; to: string; callId: string; method: ForwardedMethod; input: unknown }
  | { kind: 'answer'; from: string; to: string; callId: string; data?: unknown; error?: ForwardedError }
  /** The holder's pending messages (its outbox), after every change. */
  | { kind: 'pending'; from: string; list: PendingMessage[] };

const KINDS = new Set(['hello', 'present', 'welcome', 'holding', 'bye', 'ping', 'pong', 'link', 'call', 'answer', 'pending']);

/** A message of this protocol, else null (another library could use a channel of the same name). */
export function asTabMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { kind, from } = data as { kind?: unknown; from?: unknown };
  return typeof kind === 'string' && KINDS.has(kind) && typeof from === 'string' ? (data as TabMessage) : null;
}

/** The channel (and lock) name of one chat: participant ids are unique per contact. */
export function chatChannelName(contactId: string, participantId: string): string {
  return `amazon-connect-chat:${contactId}:${participantId}`;
}
