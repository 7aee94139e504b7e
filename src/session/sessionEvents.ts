// The session bus's event map: event name → payload. The public `on*` methods subscribe to these names.
import type { CHAT_EVENTS } from '../constants.js';
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
} from '../types.js';

type E = typeof CHAT_EVENTS;

export interface SessionEventMap {
  [key: string]: unknown;
  INCOMING_MESSAGE: ChatMessageEvent;
  INCOMING_TYPING: ChatTypingEvent;
  INCOMING_READ_RECEIPT: ChatMessageEvent;
  INCOMING_DELIVERED_RECEIPT: ChatMessageEvent;
  CONNECTION_ESTABLISHED: ChatConnectionEstablishedEvent;
  CONNECTION_LOST: ChatConnectionLostEvent;
  CONNECTION_BROKEN: ChatConnectionBrokenEvent;
  CHAT_ENDED: ChatEndedEvent;
  PARTICIPANT_IDLE: ChatMessageEvent;
  PARTICIPANT_RETURNED: ChatMessageEvent;
  PARTICIPANT_INVITED: ChatMessageEvent;
  AUTODISCONNECTION: ChatMessageEvent;
  DEEP_HEARTBEAT_SUCCESS: ChatDeepHeartbeatEvent;
  DEEP_HEARTBEAT_FAILURE: ChatDeepHeartbeatEvent;
  AUTHENTICATION_INITIATED: ChatAuthenticationInitiatedEvent;
  AUTHENTICATION_SUCCESSFUL: ChatMessageEvent;
  AUTHENTICATION_FAILED: ChatMessageEvent;
  AUTHENTICATION_TIMEOUT: ChatMessageEvent;
  AUTHENTICATION_EXPIRED: ChatMessageEvent;
  AUTHENTICATION_CANCELED: ChatMessageEvent;
  PARTICIPANT_DISPLAY_NAME_UPDATED: ChatParticipantDisplayNameUpdatedEvent;
  CHAT_REHYDRATED: ChatMessageEvent;
  TRANSCRIPT_UPDATED: ChatTranscriptUpdatedEvent;
}

/** Compile-time check that the map covers every bus event name except the internal ones. */
type Missing = Exclude<E[keyof E], keyof SessionEventMap | E['CONNECTION_ACK'] | E['MESSAGE_METADATA']>;
export const SESSION_EVENT_MAP_IS_COMPLETE: Missing extends never ? true : never = true;
