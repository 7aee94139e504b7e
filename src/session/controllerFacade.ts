// `session.controller`: the object 5.0.0's typings expose on every session. It is a thin view: every
// method forwards to the session (which owns the logic) and every field reads the chat's state, so there
// is one implementation of each call. Apps that reached for `session.controller.contactId` or
// `session.controller.sendMessage(...)` keep working.
import type { ChatController as ChatCore } from './chatController.js';
import type { ChatSessionBase } from './chatSessionBase.js';
import type { CustomerChatSession } from './customerChatSession.js';
import type {
  ChatEventHandler,
  ChatSessionType,
  ConnectionDetails,
  ControllerState,
  NetworkLinkStatusValue,
  Unsubscribe,
} from '../types.js';

/** The session calls the controller offers too, with the same signatures. */
type SessionCalls = Pick<
  ChatSessionBase,
  | 'connect'
  | 'getChatDetails'
  | 'sendMessage'
  | 'sendEvent'
  | 'sendAttachment'
  | 'downloadAttachment'
  | 'getAttachmentURL'
  | 'getTranscript'
  | 'describeView'
  | 'getAuthenticationUrl'
  | 'cancelParticipantAuthentication'
>;

/** `session.controller`: the chat's ids and state, and the session's calls (5.0.0's `ChatController`). */
export interface ChatController extends SessionCalls {
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
  disconnectParticipant?: CustomerChatSession['disconnectParticipant'];
}

export interface CustomerChatController extends ChatController {
  disconnectParticipant: CustomerChatSession['disconnectParticipant'];
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

/** @internal The part every session type shares. */
export function sessionController(session: ChatSessionBase, core: ChatCore): ChatController {
  const ids = (): ChatCore['args']['chatDetails'] => core.args.chatDetails;
  return {
    get sessionType() {
      return core.args.type;
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
      return core.provider.details;
    },
    get hasChatEnded() {
      return core.hasEnded;
    },
    get hasEnded() {
      return core.hasEnded;
    },
    getState: () => core.getState(),
    getConnectionStatus: () => LINK_STATUS[core.getState()],
    subscribe: (eventName, handler) => core.bus.onName(eventName, handler),
    connect: (args) => session.connect(args),
    getChatDetails: () => session.getChatDetails(),
    sendMessage: (args) => session.sendMessage(args),
    sendEvent: (args) => session.sendEvent(args),
    sendAttachment: (args) => session.sendAttachment(args),
    downloadAttachment: (args) => session.downloadAttachment(args),
    getAttachmentURL: (args) => session.getAttachmentURL(args),
    getTranscript: (args) => session.getTranscript(args),
    describeView: (args) => session.describeView(args),
    getAuthenticationUrl: (args) => session.getAuthenticationUrl(args),
    cancelParticipantAuthentication: (args) => session.cancelParticipantAuthentication(args),
  };
}

/** @internal */
export function customerController(session: CustomerChatSession, core: ChatCore): CustomerChatController {
  return Object.assign(sessionController(session, core), {
    disconnectParticipant: (args?: { metadata?: unknown }) => session.disconnectParticipant(args),
  }) as CustomerChatController;
}

/** @internal */
export function agentController(session: ChatSessionBase & { cleanUpOnParticipantDisconnect(): void }, core: ChatCore): AgentChatController {
  return Object.assign(sessionController(session, core), {
    cleanUpOnParticipantDisconnect: () => session.cleanUpOnParticipantDisconnect(),
  });
}
