// The public session: upstream's methods and `on*` subscriptions over one ChatController (`core`).
import { CHAT_EVENTS } from '../constants.js';
import type {
  CancelParticipantAuthenticationArgs,
  ChatAuthenticationInitiatedEvent,
  ChatConnectionBrokenEvent,
  ChatConnectionEstablishedEvent,
  ChatConnectionLostEvent,
  ChatDeepHeartbeatEvent,
  ChatDetails,
  ChatEndedEvent,
  ChatEventHandler,
  ChatMessageEvent,
  ChatParticipantDisplayNameUpdatedEvent,
  ChatTranscriptItem,
  ChatTranscriptUpdatedEvent,
  ChatTypingEvent,
  ConnectArgs,
  ConnectChatResult,
  DescribeViewArgs,
  DescribeViewResult,
  DownloadAttachmentArgs,
  DownloadAttachmentResult,
  GetAttachmentURLArgs,
  GetAuthenticationUrlArgs,
  GetAuthenticationUrlResult,
  GetTranscriptArgs,
  GetTranscriptResult,
  ParticipantServiceResponse,
  SendAttachmentArgs,
  SendAttachmentResult,
  SendEventArgs,
  SendEventResult,
  SendMessageArgs,
  SendMessageReceiptArgs,
  SendMessageResult,
  SessionItemsOptions,
  PendingMessage,
  PendingMessagesChangedEvent,
  Unsubscribe,
} from '../types.js';
import { toUploadFile } from '../client/attachmentInput.js';
import { IllegalArgumentException } from '../errors.js';

const isAbortSignal = (value: unknown): value is AbortSignal =>
  typeof value === 'object' && value !== null && typeof (value as AbortSignal).addEventListener === 'function' && 'aborted' in value;
import type { SessionCore } from './core/sessionCore.js';
import type { ChatController } from './controllerFacade.js';
import { sendMessageReceipt } from './outgoing/messageReceiptCall.js';
import { checkSendEvent, checkSendMessage, requireString, toTranscriptRequest } from './outgoing/requestArgs.js';
import type { SessionEventMap } from './events/sessionEvents.js';
import { sessionItems } from './itemStream.js';

export abstract class ChatSessionBase {
  /** @internal The chat (its one way in, SessionCore); the session's methods are its public face. */
  protected readonly core: SessionCore;
  /** 5.0.0's `session.controller`: the chat's ids and state, and these same calls. */
  abstract readonly controller: ChatController;

  /** @internal Sessions come from `ChatSession.create()`. */
  constructor(core: SessionCore) {
    this.core = core;
  }

  getChatDetails(): ChatDetails {
    return this.core.getChatDetails();
  }

  connect<M = null>(args?: ConnectArgs<M>): Promise<ConnectChatResult<M>> {
    return this.core.connect(args) as Promise<ConnectChatResult<M>>;
  }

  /**
   * The chat's items one at a time, in order: the next one is handed out only after your work on the previous
   * one settled (`for await (const item of session.items())`). Ends after the chat.ended item, or on close().
   * Call it before connect() to see every item. Typing and receipts are left out unless `includeTransient`.
   */
  items(options?: SessionItemsOptions): AsyncIterableIterator<ChatTranscriptItem> {
    return sessionItems(this.core, options);
  }

  /**
   * Lets go of the chat without leaving it: releases the websocket, timers and every handler; the participant
   * stays in the chat, so a new session (in this process or another) can `connect({ resumeAfterItemId })` to
   * it. The state becomes `closed`; calls then reject. Safe to call twice.
   */
  close(): void {
    this.core.close();
  }

  // Each call: check the arguments, then one call through the core's call pipeline (outgoing/serviceCalls.ts).

  async sendMessage<M = null>(args: SendMessageArgs<M>): Promise<ParticipantServiceResponse<SendMessageResult, M>> {
    return this.core.calls.sendMessage(checkSendMessage(args), args.metadata);
  }

  /**
   * The messages sent but not yet accepted by the service, in send order, each `sending`, `waiting` (an
   * outage or throttling holds it; it goes out when the service answers) or `failed` (see docs/outbox.md).
   */
  getPendingMessages(): PendingMessage[] {
    return this.core.pending.list();
  }

  /** Sends a `failed` pending message again, with the same ClientToken; resolves as sendMessage does. */
  async resendFailedMessage<M = null>(args: { id: string; metadata?: M }): Promise<ParticipantServiceResponse<SendMessageResult, M>> {
    const id = requireString(args, 'id', 'resendFailedMessage');
    return this.core.calls.resendFailedMessage(id, args.metadata);
  }

  /** Drops a waiting or failed message (not one being sent); its sendMessage promise rejects `MessageDiscarded`. */
  discardPendingMessage(args: { id: string }): boolean {
    return this.core.pending.discard(requireString(args, 'id', 'discardPendingMessage'));
  }

  /** Called with the pending messages after every change (a message queued, waiting, sending, sent, failed). */
  onPendingMessagesChanged(handler: (event: PendingMessagesChangedEvent) => void): Unsubscribe {
    return this.core.pending.on('change', handler);
  }

  async sendEvent<M = null>(args: SendEventArgs<M>): Promise<ParticipantServiceResponse<SendEventResult, M>> {
    // Typed as upstream declares it; a receipt may settle with a notice (see ServiceCalls.sendEvent).
    return this.core.calls.sendEvent(checkSendEvent(args), args.metadata) as Promise<ParticipantServiceResponse<SendEventResult, M>>;
  }

  /**
   * Sends one read or delivered receipt now, whether automatic receipts are on or off and past their
   * throttle (upstream 5.1.0's call), e.g. `sendMessageReceipt({ event: 'read', messageId })`.
   */
  async sendMessageReceipt<M = null>(args: SendMessageReceiptArgs<M>): Promise<ParticipantServiceResponse<SendEventResult, M>> {
    return sendMessageReceipt(this.core.calls, args);
  }

  async sendAttachment<M = null>(args: SendAttachmentArgs<M>): Promise<ParticipantServiceResponse<SendAttachmentResult, M>> {
    const { attachment, metadata, clientToken, onProgress, signal } = args ?? ({} as SendAttachmentArgs<M>);
    const file = toUploadFile(attachment);
    if (signal !== undefined && !isAbortSignal(signal)) throw new IllegalArgumentException('signal must be an AbortSignal', 'signal');
    return this.core.calls.sendAttachment(file, { clientToken, onProgress, signal }, metadata);
  }

  async downloadAttachment<M = null>(args: DownloadAttachmentArgs<M>): Promise<DownloadAttachmentResult<M>> {
    const attachmentId = requireString(args, 'attachmentId', 'downloadAttachment');
    const { data } = await this.core.calls.run('downloadAttachment', args.metadata, (token, { attachments }) => attachments.download(token, attachmentId));
    const blob = data as DownloadAttachmentResult<M>;
    blob.metadata = (args.metadata ?? null) as M;
    return blob;
  }

  async getAttachmentURL<M = null>(args: GetAttachmentURLArgs<M>): Promise<string> {
    const attachmentId = requireString(args, 'attachmentId', 'getAttachmentURL');
    const { data } = await this.core.calls.run('getAttachmentURL', args.metadata, (token, { attachments }) => attachments.url(token, attachmentId));
    return data;
  }

  async getTranscript<M = null>(args: GetTranscriptArgs<M> = {}): Promise<ParticipantServiceResponse<GetTranscriptResult, M>> {
    return this.core.calls.getTranscript(toTranscriptRequest(args), args?.metadata);
  }

  async describeView<M = null>(args: DescribeViewArgs<M>): Promise<ParticipantServiceResponse<DescribeViewResult, M>> {
    const viewToken = requireString(args, 'viewToken', 'describeView');
    return this.core.calls.run('describeView', args.metadata, (token, { client }) => client.describeView(token, viewToken));
  }

  async getAuthenticationUrl<M = null>(args: GetAuthenticationUrlArgs<M>): Promise<ParticipantServiceResponse<GetAuthenticationUrlResult, M>> {
    const sessionId = requireString(args, 'sessionId', 'getAuthenticationUrl');
    const redirectUri = requireString(args, 'redirectUri', 'getAuthenticationUrl');
    return this.core.calls.run('getAuthenticationUrl', args.metadata, (token, { client }) => client.getAuthenticationUrl(token, { sessionId, redirectUri }));
  }

  async cancelParticipantAuthentication<M = null>(args: CancelParticipantAuthenticationArgs<M>): Promise<ParticipantServiceResponse<object, M>> {
    const sessionId = requireString(args, 'sessionId', 'cancelParticipantAuthentication');
    return this.core.calls.run('cancelParticipantAuthentication', args.metadata, (token, { client }) =>
      client.cancelParticipantAuthentication(token, sessionId),
    );
  }

  onMessage(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.INCOMING_MESSAGE, handler);
  }
  onTyping(handler: ChatEventHandler<ChatTypingEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.INCOMING_TYPING, handler);
  }
  onReadReceipt(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.INCOMING_READ_RECEIPT, handler);
  }
  onDeliveredReceipt(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.INCOMING_DELIVERED_RECEIPT, handler);
  }
  onConnectionEstablished(handler: ChatEventHandler<ChatConnectionEstablishedEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.CONNECTION_ESTABLISHED, handler);
  }
  onConnectionLost(handler: ChatEventHandler<ChatConnectionLostEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.CONNECTION_LOST, handler);
  }
  onConnectionBroken(handler: ChatEventHandler<ChatConnectionBrokenEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.CONNECTION_BROKEN, handler);
  }
  onEnded(handler: ChatEventHandler<ChatEndedEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.CHAT_ENDED, handler);
  }
  onParticipantIdle(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.PARTICIPANT_IDLE, handler);
  }
  onParticipantReturned(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.PARTICIPANT_RETURNED, handler);
  }
  onParticipantInvited(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.PARTICIPANT_INVITED, handler);
  }
  onAutoDisconnection(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.AUTODISCONNECTION, handler);
  }
  onAuthenticationInitiated(handler: ChatEventHandler<ChatAuthenticationInitiatedEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.AUTHENTICATION_INITIATED, handler);
  }
  onAuthenticationSuccessful(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.AUTHENTICATION_SUCCESSFUL, handler);
  }
  onAuthenticationFailed(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.AUTHENTICATION_FAILED, handler);
  }
  onAuthenticationTimeout(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.AUTHENTICATION_TIMEOUT, handler);
  }
  onAuthenticationExpired(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.AUTHENTICATION_EXPIRED, handler);
  }
  onAuthenticationCanceled(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.AUTHENTICATION_CANCELED, handler);
  }
  onParticipantDisplayNameUpdated(handler: ChatEventHandler<ChatParticipantDisplayNameUpdatedEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.PARTICIPANT_DISPLAY_NAME_UPDATED, handler);
  }
  onChatRehydrated(handler: ChatEventHandler<ChatMessageEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.CHAT_REHYDRATED, handler);
  }
  onDeepHeartbeatSuccess(handler: ChatEventHandler<ChatDeepHeartbeatEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.DEEP_HEARTBEAT_SUCCESS, handler);
  }
  onDeepHeartbeatFailure(handler: ChatEventHandler<ChatDeepHeartbeatEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.DEEP_HEARTBEAT_FAILURE, handler);
  }
  onTranscriptUpdated(handler: ChatEventHandler<ChatTranscriptUpdatedEvent>): Unsubscribe {
    return this.on(CHAT_EVENTS.TRANSCRIPT_UPDATED, handler);
  }

  private on<K extends keyof SessionEventMap & string>(event: K, handler: ChatEventHandler<SessionEventMap[K]>): Unsubscribe {
    // The event name and its payload type are tied together here, in the signature.
    return this.core.bus.onName(event, handler as ChatEventHandler<unknown>);
  }
}
