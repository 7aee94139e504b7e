// The one way the public sessions and `session.controller` reach the chat: its state and ids, its events
// (subscribing only) and its service calls. ChatCore implements it; its link and its parts stay behind it.
import type {
  ChatDetails,
  ChatSessionType,
  ConnectArgs,
  ConnectChatResult,
  ConnectionDetails,
  ControllerState,
  ParticipantServiceResponse,
  Unsubscribe,
} from '../../types.js';
import type { EventBus } from '../events/eventBus.js';
import type { SessionEventMap } from '../events/sessionEvents.js';
import type { Outbox } from '../outgoing/outbox/outbox.js';
import type { ServiceCalls } from '../outgoing/serviceCalls.js';
import type { StateChange } from './phase.js';

/** The calls a session makes, each through the call pipeline (guard, token renewal, metrics, metadata), and its outbox. */
export type SessionCalls = Pick<ServiceCalls, 'run' | 'sendMessage' | 'resendFailedMessage' | 'sendEvent' | 'sendAttachment' | 'getTranscript'> & {
  /** Messages sent but not yet accepted (docs/outbox.md). */
  readonly outbox: Pick<Outbox, 'list' | 'discard' | 'on'>;
};

export interface SessionCore {
  readonly calls: SessionCalls;
  /** The pending messages the app sees: this session's outbox, or with tabs the chat's in every tab. */
  readonly pending: Pick<Outbox, 'list' | 'discard' | 'on'>;
  /** Subscribes to one event by name (an unknown name never fires), or to every event. */
  readonly bus: Pick<EventBus<SessionEventMap>, 'onName' | 'onAll'>;
  readonly sessionType: ChatSessionType;
  readonly hasEnded: boolean;
  readonly connectionDetails: ConnectionDetails | null;
  getChatDetails(): ChatDetails;
  getState(): ControllerState;
  onStateChange(listener: (change: StateChange) => void): Unsubscribe;
  connect(args?: ConnectArgs): Promise<ConnectChatResult>;
  close(): void;
  disconnectParticipant<M>(metadata: M | undefined): Promise<ParticipantServiceResponse<object, M>>;
  removeAllHandlers(): void;
}
