// The public session: upstream's methods and `on*` subscriptions over one ChatController (`core`).
import { CHAT_EVENTS, CONTENT_TYPE } from '../constants.js';
import { isChatServiceError } from '../errors.js';
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
  SendMessageResult,
  Unsubscribe,
} from '../types.js';
import { toUploadFile } from '../client/attachmentInput.js';
import type { ChatController as ChatCore } from './chatController.js';
import type { ChatController } from './controllerFacade.js';
import { checkSendEvent, checkSendMessage, receiptMessageId, requireString, toTranscriptRequest } from './requestArgs.js';
import type { SessionEventMap } from './sessionEvents.js';
import { TypingThrottle } from './typingThrottle.js';


const RECEIPT_TYPES: readonly string[] = [CONTENT_TYPE.readReceipt, CONTENT_TYPE.deliveredReceipt];

export abstract class ChatSessionBase {
  private readonly typing = new TypingThrottle<ParticipantServiceResponse<SendEventResult, unknown>>();

  /** @internal The chat's state and parts; the session's methods are its public face. */
  protected readonly core: ChatCore;
  /** 5.0.0's `session.controller`: the chat's ids and state, and these same calls. */
  abstract readonly controller: ChatController;

  /** @internal Sessions come from `ChatSession.create()`. */
  constructor(core: ChatCore) {
    this.core = core;
  }

  getChatDetails(): ChatDetails {
    return this.core.getChatDetails();
  }

  connect<M = null>(args?: ConnectArgs<M>): Promise<ConnectChatResult<M>> {
    return this.core.connect(args) as Promise<ConnectChatResult<M>>;
  }

  async sendMessage<M = null>(args: SendMessageArgs<M>): Promise<ParticipantServiceResponse<SendMessageResult, M>> {
    const input = checkSendMessage(args);
    // Guard first, so a send before connect() leaves no FAILED item in onTranscriptUpdated.
    this.core.connectionTokenFor('sendMessage');
    const pending = this.core.features.transcript.sending({ content: input.message, contentType: input.contentType });
    try {
      const result = await this.call(
        'sendMessage',
        args.metadata,
        (token) =>
          this.core.client
            .sendMessage(token, { content: input.message, contentType: input.contentType, clientToken: input.clientToken })
            .then((output) => output as SendMessageResult), // the service always sends Id and AbsoluteTime
        input.contentType,
      );
      pending.sent(result.data);
      return result;
    } catch (error) {
      pending.failed(error);
      throw error;
    }
  }

  async sendEvent<M = null>(args: SendEventArgs<M>): Promise<ParticipantServiceResponse<SendEventResult, M>> {
    const input = checkSendEvent(args);
    type Result = ParticipantServiceResponse<SendEventResult, M>;
    // Receipts get their ClientToken from the throttler; other events use the caller's (or the client's UUID).
    const send = (clientToken?: string): Promise<Result> =>
      this.call(
        'sendEvent',
        args.metadata,
        (token) =>
          this.core.client
            .sendEvent(token, { contentType: input.contentType, content: input.content, clientToken: input.clientToken ?? clientToken })
            .then((output) => output as SendEventResult), // the service always sends Id and AbsoluteTime
        input.contentType,
      );
    if (input.contentType === CONTENT_TYPE.typing) {
      return this.typing.run(() => send() as Promise<ParticipantServiceResponse<SendEventResult, unknown>>) as Promise<Result>;
    }
    if (RECEIPT_TYPES.includes(input.contentType)) {
      const messageId = receiptMessageId(input.content);
      // No receipts once the chat is over: the service would refuse them.
      if (this.core.hasEnded) return undefined as unknown as Result;
      const kind = input.contentType === CONTENT_TYPE.readReceipt ? 'read' : 'delivered';
      return this.core.features.receipts.send({ kind, messageId, disableThrottle: disablesThrottle(input.content) }, send) as Promise<Result>;
    }
    return send();
  }

  async sendAttachment<M = null>(args: SendAttachmentArgs<M>): Promise<ParticipantServiceResponse<SendAttachmentResult, M>> {
    const { attachment, metadata, clientToken, onProgress } = args ?? ({} as SendAttachmentArgs<M>);
    const file = toUploadFile(attachment);
    return this.call(
      'sendAttachment',
      metadata,
      (token) => this.core.attachments.upload(token, file, { clientToken, onProgress }),
      file.type || undefined,
    );
  }

  async downloadAttachment<M = null>(args: DownloadAttachmentArgs<M>): Promise<DownloadAttachmentResult<M>> {
    const attachmentId = requireString(args, 'attachmentId', 'downloadAttachment');
    const { data } = await this.call('downloadAttachment', args.metadata, (token) =>
      this.core.attachments.download(token, attachmentId),
    );
    const blob = data as DownloadAttachmentResult<M>;
    blob.metadata = (args.metadata ?? null) as M;
    return blob;
  }

  async getAttachmentURL<M = null>(args: GetAttachmentURLArgs<M>): Promise<string> {
    const attachmentId = requireString(args, 'attachmentId', 'getAttachmentURL');
    const { data } = await this.call('getAttachmentURL', args.metadata, (token) => this.core.attachments.url(token, attachmentId));
    return data;
  }

  async getTranscript<M = null>(args: GetTranscriptArgs<M> = {}): Promise<ParticipantServiceResponse<GetTranscriptResult, M>> {
    const request = toTranscriptRequest(args);
    const result = (await this.call('getTranscript', args?.metadata, (token) => this.core.client.getTranscript(token, request))) as ParticipantServiceResponse<
      GetTranscriptResult,
      M
    >;
    this.core.afterTranscriptPage(request, result.data);
    return result;
  }

  async describeView<M = null>(args: DescribeViewArgs<M>): Promise<ParticipantServiceResponse<DescribeViewResult, M>> {
    const viewToken = requireString(args, 'viewToken', 'describeView');
    return this.call('describeView', args.metadata, (token) => this.core.client.describeView(token, viewToken));
  }

  async getAuthenticationUrl<M = null>(args: GetAuthenticationUrlArgs<M>): Promise<ParticipantServiceResponse<GetAuthenticationUrlResult, M>> {
    const sessionId = requireString(args, 'sessionId', 'getAuthenticationUrl');
    const redirectUri = requireString(args, 'redirectUri', 'getAuthenticationUrl');
    return this.call('getAuthenticationUrl', args.metadata, (token) =>
      this.core.client.getAuthenticationUrl(token, { sessionId, redirectUri }),
    );
  }

  async cancelParticipantAuthentication<M = null>(args: CancelParticipantAuthenticationArgs<M>): Promise<ParticipantServiceResponse<object, M>> {
    const sessionId = requireString(args, 'sessionId', 'cancelParticipantAuthentication');
    return this.call('cancelParticipantAuthentication', args.metadata, (token) =>
      this.core.client.cancelParticipantAuthentication(token, sessionId),
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
    return this.core.bus.on(event, handler);
  }

  /**
   * Runs one guarded service call: before connect() it rejects with IllegalStateException; a 403 from an
   * expired connection token renews the token once and retries; failures carry the caller's metadata.
   */
  protected async call<D, M>(
    method: string,
    metadata: M | undefined,
    run: (connectionToken: string) => Promise<D>,
    contentType?: string,
  ): Promise<ParticipantServiceResponse<D, M>> {
    const token = this.core.connectionTokenFor(method);
    const startedAt = Date.now();
    try {
      const data = await this.runRenewingToken(token, run);
      this.core.features.metrics.apiCall(method, startedAt, false, contentType);
      return { data, metadata: (metadata ?? null) as M };
    } catch (error) {
      this.core.features.metrics.apiCall(method, startedAt, true, contentType);
      throw isChatServiceError(error) ? error.withMetadata(metadata ?? null) : error;
    }
  }

  private async runRenewingToken<D>(token: string, run: (connectionToken: string) => Promise<D>): Promise<D> {
    try {
      return await run(token);
    } catch (error) {
      if (!isChatServiceError(error) || error.statusCode !== 403) throw error;
      const renewed = await this.core.renewConnectionToken(token);
      if (renewed === null) throw error;
      return run(renewed);
    }
  }
}

/** `content.disableThrottle: true` asks for a receipt to be sent at once (upstream's escape hatch). */
function disablesThrottle(content: string | undefined): boolean {
  try {
    return (JSON.parse(content ?? '{}') as { disableThrottle?: unknown }).disableThrottle === true;
  } catch {
    return false;
  }
}
