// The session bus's event map: event name → payload. The public `on*` methods subscribe to these names.
import type { CHAT_EVENTS } from '../../constants.js';
import type {
  ChatAuthenticationInitiatedEvent,
  ChatConnectionBrokenEvent,
  ChatConnectionEstablishedEvent,
  ChatConnectionLostEvent,
  ChatDeepHeartbeatEvent,
  ChatEndedEvent,
  ChatMessageEvent,
  ChatParticipantDisplayNameUpdatedEvent,
  ChatTranscriptUpdatedEvent,
  ChatTypingEvent,
} from '../../types.js';

type E = typeof CHAT_EVENTS;

/** Every event a session emits, closed: a misspelt name does not compile. */
export interface SessionEventMap {
  /** A message or attachment from any participant, and event items without an event of their own. */
  INCOMING_MESSAGE: ChatMessageEvent;
  /** Someone is typing. */
  INCOMING_TYPING: ChatTypingEvent;
  /** Another participant read a message (receipt items, read wins over delivered). */
  INCOMING_READ_RECEIPT: ChatMessageEvent;
  /** Another participant's client received a message. */
  INCOMING_DELIVERED_RECEIPT: ChatMessageEvent;
  /** The websocket is up; `data.reconnected` is true after the first time. */
  CONNECTION_ESTABLISHED: ChatConnectionEstablishedEvent;
  /** The websocket dropped; the SDK is reconnecting. */
  CONNECTION_LOST: ChatConnectionLostEvent;
  /** The websocket could not be re-established; connect() again to retry. */
  CONNECTION_BROKEN: ChatConnectionBrokenEvent;
  /** The chat is over (chat.ended, or the service refused us); every handler is dropped after it. */
  CHAT_ENDED: ChatEndedEvent;
  /** A participant went idle. */
  PARTICIPANT_IDLE: ChatMessageEvent;
  /** An idle participant came back. */
  PARTICIPANT_RETURNED: ChatMessageEvent;
  /** A participant was invited into the chat. */
  PARTICIPANT_INVITED: ChatMessageEvent;
  /** A participant was disconnected for being idle. */
  AUTODISCONNECTION: ChatMessageEvent;
  /** The manager's deep heartbeat got its answer. */
  DEEP_HEARTBEAT_SUCCESS: ChatDeepHeartbeatEvent;
  /** The manager's deep heartbeat went unanswered. */
  DEEP_HEARTBEAT_FAILURE: ChatDeepHeartbeatEvent;
  /** The flow asks the customer to sign in; `sessionId` is for getAuthenticationUrl. */
  AUTHENTICATION_INITIATED: ChatAuthenticationInitiatedEvent;
  /** The customer signed in. */
  AUTHENTICATION_SUCCESSFUL: ChatMessageEvent;
  /** Signing in failed. */
  AUTHENTICATION_FAILED: ChatMessageEvent;
  /** Signing in took too long. */
  AUTHENTICATION_TIMEOUT: ChatMessageEvent;
  /** The sign-in session expired. */
  AUTHENTICATION_EXPIRED: ChatMessageEvent;
  /** Signing in was cancelled (cancelParticipantAuthentication). */
  AUTHENTICATION_CANCELED: ChatMessageEvent;
  /** A participant's display name changed. */
  PARTICIPANT_DISPLAY_NAME_UPDATED: ChatParticipantDisplayNameUpdatedEvent;
  /** A persistent chat was rehydrated from an earlier one. */
  CHAT_REHYDRATED: ChatMessageEvent;
  /** The tracked transcript (onTranscriptUpdated) changed. */
  TRANSCRIPT_UPDATED: ChatTranscriptUpdatedEvent;
}

/** The events of the link and the chat's end: `{ chatDetails, data }` with no item. */
export type LinkEventName = 'CONNECTION_ESTABLISHED' | 'CONNECTION_LOST' | 'CONNECTION_BROKEN' | 'CHAT_ENDED' | 'DEEP_HEARTBEAT_SUCCESS' | 'DEEP_HEARTBEAT_FAILURE';

/** The events an incoming item can become (what classifyItem returns). */
export type ItemEventName = Exclude<keyof SessionEventMap, LinkEventName | 'TRANSCRIPT_UPDATED'>;

/** Compile-time check that the map covers every bus event name except the internal ones. */
type Missing = Exclude<E[keyof E], keyof SessionEventMap | E['CONNECTION_ACK'] | E['MESSAGE_METADATA']>;
export const SESSION_EVENT_MAP_IS_COMPLETE: Missing extends never ? true : never = true;
