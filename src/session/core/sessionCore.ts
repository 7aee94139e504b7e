// The one way the public sessions and `session.controller` reach the chat: its state and ids, its events and
// its service calls. ChatCore implements it; its parts (calls, bus, link) stay behind it.
import type {
  ChatDetails,
  ChatEventHandler,
  ChatSessionType,
  ConnectArgs,
  ConnectChatResult,
  ConnectionDetails,
  ControllerState,
  ParticipantServiceResponse,
  PendingMessage,
  PendingMessagesChangedEvent,
  Unsubscribe,
} from '../../types.js';
import type { ServiceCalls } from '../outgoing/serviceCalls.js';
import type { StateChange } from './phase.js';

/** The calls a session makes, each through the call pipeline (guard, token renewal, metrics, metadata). */
type SessionCalls = Pick<ServiceCalls, 'run' | 'sendMessage' | 'resendFailedMessage' | 'sendEvent' | 'sendAttachment' | 'getTranscript'>;

export interface SessionCore extends SessionCalls {
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

  /** Subscribes to one event by name (an unknown name never fires); `onAll` to every event. */
  onName(event: string, handler: ChatEventHandler<unknown>): Unsubscribe;
  onAll(handler: ChatEventHandler<unknown>): Unsubscribe;

  /** The outbox: messages sent but not yet accepted (docs/outbox.md). */
  getPendingMessages(): PendingMessage[];
  discardPendingMessage(id: string): boolean;
  onPendingMessagesChanged(handler: (event: PendingMessagesChangedEvent) => void): Unsubscribe;
}
