// `session.controller`: the object 5.0.0's typings expose on every session. It is a thin view: every
// method forwards to the session (which owns the logic) and every field reads the chat's state, so there
// is one implementation of each call. Apps that reached for `session.controller.contactId` or
// `session.controller.sendMessage(...)` keep working.
import type { SessionCore } from './core/sessionCore.js';
import type {
  CancelParticipantAuthenticationArgs,
  ChatDetails,
  ChatEventHandler,
  ChatSessionType,
  ConnectArgs,
  ConnectChatResult,
  ConnectionDetails,
  ControllerState,
  DescribeViewArgs,
  DescribeViewResult,
  DownloadAttachmentArgs,
  DownloadAttachmentResult,
  GetAttachmentURLArgs,
  GetAuthenticationUrlArgs,
  GetAuthenticationUrlResult,
  GetTranscriptArgs,
  GetTranscriptResult,
  NetworkLinkStatusValue,
  ParticipantServiceResponse,
  SendAttachmentArgs,
  SendAttachmentResult,
  SendEventArgs,
  SendMessageReceiptArgs,
  SendEventResult,
  SendMessageArgs,
  SendMessageResult,
  Unsubscribe,
} from '../types.js';

/** The session calls the controller offers too, with the same signatures (every session has them). */
const SESSION_CALLS = [
  'connect',
  'getChatDetails',
  'sendMessage',
  'sendEvent',
  'sendMessageReceipt',
  'sendAttachment',
  'downloadAttachment',
  'getAttachmentURL',
  'getTranscript',
  'describeView',
  'getAuthenticationUrl',
  'cancelParticipantAuthentication',
] as const;
type SessionCallName = (typeof SESSION_CALLS)[number];

/** A session as the controller sees it: the calls it forwards. */
type SessionCalls = Pick<ChatController, SessionCallName>;

/** `session.controller`: the chat's ids and state, and the session's calls (5.0.0's `ChatController`). */
export interface ChatController {
  connect<M = null>(args?: ConnectArgs<M>): Promise<ConnectChatResult<M>>;
  getChatDetails(): ChatDetails;
  sendMessage<M = null>(args: SendMessageArgs<M>): Promise<ParticipantServiceResponse<SendMessageResult, M>>;
  sendEvent<M = null>(args: SendEventArgs<M>): Promise<ParticipantServiceResponse<SendEventResult, M>>;
  /** One read or delivered receipt, sent at once (upstream 5.1.0). */
  sendMessageReceipt<M = null>(args: SendMessageReceiptArgs<M>): Promise<ParticipantServiceResponse<SendEventResult, M>>;
  sendAttachment<M = null>(args: SendAttachmentArgs<M>): Promise<ParticipantServiceResponse<SendAttachmentResult, M>>;
  downloadAttachment<M = null>(args: DownloadAttachmentArgs<M>): Promise<DownloadAttachmentResult<M>>;
  getAttachmentURL<M = null>(args: GetAttachmentURLArgs<M>): Promise<string>;
  getTranscript<M = null>(args?: GetTranscriptArgs<M>): Promise<ParticipantServiceResponse<GetTranscriptResult, M>>;
  describeView<M = null>(args: DescribeViewArgs<M>): Promise<ParticipantServiceResponse<DescribeViewResult, M>>;
  getAuthenticationUrl<M = null>(args: GetAuthenticationUrlArgs<M>): Promise<ParticipantServiceResponse<GetAuthenticationUrlResult, M>>;
  cancelParticipantAuthentication<M = null>(args: CancelParticipantAuthenticationArgs<M>): Promise<ParticipantServiceResponse<object, M>>;

  readonly sessionType: ChatSessionType;
  readonly contactId: string;
  readonly initialContactId: string;
  readonly participantId: string;
  readonly participantToken: string | null;
  /** What the last connect got: websocket URL, connection token and their expiry. */
  readonly connectionDetails: ConnectionDetails | null;
  /** True once the chat ended (5.0.0's name for `hasEnded`). */
  readonly hasChatEnded: boolean;
  readonly hasEnded: boolean;
  /** The session's state: idle, connecting, connected, reconnecting, broken or ended. */
  getState(): ControllerState;
  /** 5.0.0's coarser view of the state: NeverEstablished, Establishing, Established or Broken. */
  getConnectionStatus(): NetworkLinkStatusValue;
  /** Subscribes to a bus event by name (`CHAT_EVENTS` values, e.g. `INCOMING_MESSAGE`). */
  subscribe(eventName: string, handler: ChatEventHandler<unknown>): Unsubscribe;
  cleanUpOnParticipantDisconnect?(): void;
  /**
   * Leaves the chat (DisconnectParticipant). As upstream 4.x/5.x, handlers stay subscribed until the
   * service's chat.ended arrives, so `onEnded` still fires; the websocket is no longer re-established.
   */
  disconnectParticipant?: <M = null>(args?: { metadata?: M }) => Promise<ParticipantServiceResponse<object, M>>;
}

export interface CustomerChatController extends ChatController {
  /**
   * Leaves the chat (DisconnectParticipant). As upstream 4.x/5.x, handlers stay subscribed until the
   * service's chat.ended arrives, so `onEnded` still fires; the websocket is no longer re-established.
   */
  disconnectParticipant: <M = null>(args?: { metadata?: M }) => Promise<ParticipantServiceResponse<object, M>>;
}

export interface AgentChatController extends ChatController {
  cleanUpOnParticipantDisconnect(): void;
}

const LINK_STATUS: Record<ControllerState, NetworkLinkStatusValue> = {
  idle: 'NeverEstablished',
  connecting: 'Establishing',
  connected: 'Established',
  reconnecting: 'Broken',
  broken: 'Broken',
  ended: 'Broken',
  closed: 'Broken',
};

/** @internal The part every session type shares, plus the calls of one session type (`own`). */
export function sessionController(session: SessionCalls, core: SessionCore, own: readonly string[] = []): ChatController {
  const ids = (): ChatDetails => core.getChatDetails();
  const controller = {
    get sessionType() {
      return core.sessionType;
    },
    get contactId() {
      return ids().contactId;
    },
    get initialContactId() {
      return ids().initialContactId;
    },
    get participantId() {
      return ids().participantId;
    },
    get participantToken() {
      return ids().participantToken;
    },
    get connectionDetails() {
      return core.connectionDetails;
    },
    get hasChatEnded() {
      return core.hasEnded;
    },
    get hasEnded() {
      return core.hasEnded;
    },
    getState: () => core.getState(),
    getConnectionStatus: () => LINK_STATUS[core.getState()],
    subscribe: (eventName: string, handler: ChatEventHandler<unknown>) => core.bus.onName(eventName, handler),
  } as ChatController;
  // Each call forwards to the session's method of the same name, called on the session.
  const forwarding = session as unknown as Record<string, (args?: unknown) => unknown>;
  // The two calls that take no arguments forward as ones that take none (their arity stays as in 5.0.0).
  for (const name of [...SESSION_CALLS, ...own]) {
    (controller as unknown as typeof forwarding)[name] = NO_ARGUMENTS.has(name) ? () => forwarding[name]() : (args) => forwarding[name](args);
  }
  return controller;
}

const NO_ARGUMENTS: ReadonlySet<string> = new Set(['getChatDetails', 'cleanUpOnParticipantDisconnect']);

/** @internal */
export function customerController(session: SessionCalls & Pick<CustomerChatController, 'disconnectParticipant'>, core: SessionCore): CustomerChatController {
  return sessionController(session, core, ['disconnectParticipant']) as CustomerChatController;
}

/** @internal */
export function agentController(session: SessionCalls & { cleanUpOnParticipantDisconnect(): void }, core: SessionCore): AgentChatController {
  return sessionController(session, core, ['cleanUpOnParticipantDisconnect']) as AgentChatController;
}
