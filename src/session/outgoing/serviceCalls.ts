// The one road every Participant Service call of a session takes, owned by the controller: the guard
// (connect() first, not after leaving or ending) reads the connection token once; AccessDeniedException renews the token
// once and retries; metrics record the call; the caller's metadata rides on the answer and on the error.
import { CONTENT_TYPE } from '../../constants.js';
import { IllegalArgumentException, isChatServiceError } from '../../errors.js';
import type {
  GetTranscriptResult,
  AttachmentProgress,
  ParticipantServiceResponse,
  SendAttachmentResult,
  SendEventResult,
  SendMessageResult,
} from '../../types.js';
import type { AttachmentOperations, ClientUse, SessionParticipantClient, SessionServices, TranscriptRequest } from './clientAccess.js';
import { learnFromTranscriptPage, type SessionFeatures } from '../features/index.js';
import type { CheckedSendEvent, CheckedSendMessage } from './requestArgs.js';
import { TypingThrottle } from './typingThrottle.js';
import { DEFAULT_OUTBOX_MAX_WAIT_MS, Outbox, outboxRetryDelayMs, type OutboxLink } from './outbox/outbox.js';
import { retryThroughOutage } from './outbox/retryThroughOutage.js';
import type { OutboxStore } from './outbox/outboxTypes.js';
import { uuidV4 } from '../../util/uuid.js';

/** The state's say on calls, answered by the chat's core. */
export interface CallGate {
  /** The connection token when calls are allowed now; else throws IllegalStateException naming `method`. */
  tokenFor(method: string): string;
  /** After a 403 with `staleToken`: a renewed token, or null when renewal did not help. */
  renewToken(staleToken: string): Promise<string | null>;
  readonly hasEnded: boolean;
  /** SendMessage answered with this item Id (its echo is awaited over the socket). */
  itemSent?(itemId: string): void;
}

/** Where the outbox keeps a chat's pending messages, and for how long a message may wait. */
export interface OutboxSetup {
  key: string;
  store: OutboxStore;
  maxWaitMs?: number;
}

/** What the pipeline works with: the gate, the session's services (built once) and its features. */
export interface ServiceCallContext {
  gate: CallGate & OutboxLink;
  services: SessionServices;
  features: SessionFeatures;
}

/** The services a call may use, with the token it runs under. */
export interface CallServices {
  client: SessionParticipantClient;
  attachments: AttachmentOperations;
}

export type CallBody<D> = (connectionToken: string, services: CallServices) => Promise<D>;

export interface CallOptions {
  /** The content type the metrics record (sendMessage, sendEvent, sendAttachment). */
  contentType?: string;
  /** Which client runs the call (clientAccess.ts); default: the one that retries. */
  use?: ClientUse;
}

export interface AttachmentSendOptions {
  clientToken?: string;
  onProgress?: (progress: AttachmentProgress) => void;
  signal?: AbortSignal;
}

const ACCESS_DENIED = 'AccessDeniedException';

type Response<D, M> = ParticipantServiceResponse<D, M>;

/** A call's error with the caller's metadata on it (a ChatServiceError; anything else as it is). */
export function withCallerMetadata(error: unknown, metadata: unknown): unknown {
  return isChatServiceError(error) ? error.withMetadata(metadata ?? null) : error;
}

/** What sendEvent settles with: the service's answer, or for a receipt a notice (or nothing once the chat ended). */
export type SendEventOutcome<M> = Response<SendEventResult, M> | { message: string } | undefined;

export class ServiceCalls {
  private readonly typing = new TypingThrottle();
  /** Every message goes out through it, in order (see outbox/outbox.ts). */
  readonly outbox: Outbox;
  private readonly maxWaitMs: number;

  constructor(
    private readonly context: ServiceCallContext,
    outbox: OutboxSetup,
  ) {
    this.maxWaitMs = outbox.maxWaitMs ?? DEFAULT_OUTBOX_MAX_WAIT_MS;
    this.outbox = new Outbox({
      ...outbox,
      link: context.gate,
      // One request per try: the outbox's own pace is the retry (ClientUse 'outbox').
      send: ({ id, content, contentType }) =>
        this.run<SendMessageResult, null>(
          'sendMessage',
          undefined,
          (token, { client }) =>
            client.sendMessage(token, { content, contentType, clientToken: id }).then((out) => {
              // Its echo is awaited over the socket (../incoming/gapWatch.ts).
              if (out.Id) this.context.gate.itemSent?.(out.Id);
              return out as SendMessageResult;
            }),
          { contentType, use: 'outbox' },
        ).then((response) => response.data),
    });
  }

  /** Runs one guarded call; see the file comment. */
  async run<D, M>(method: string, metadata: M | undefined, body: CallBody<D>, options: CallOptions = {}): Promise<Response<D, M>> {
    const token = this.context.gate.tokenFor(method);
    const { metrics } = this.context.features;
    const startedAt = Date.now();
    try {
      const data = await this.renewingOn403(token, body, options.use);
      metrics.apiCall(method, startedAt, false, options.contentType);
      return { data, metadata: (metadata ?? null) as M };
    } catch (error) {
      metrics.apiCall(method, startedAt, true, options.contentType);
      throw withCallerMetadata(error, metadata);
    }
  }

  /** Through the outbox: waits out outages and passing errors, resolves with the service's answer. */
  sendMessage<M>(input: CheckedSendMessage, metadata: M | undefined): Promise<Response<SendMessageResult, M>> {
    const { message: content, contentType } = input;
    return this.throughOutbox('sendMessage', metadata, () => {
      // The pending item appears only once the guard passed, so a refused send leaves no FAILED item.
      const observer = this.context.features.transcript.sending({ content, contentType });
      const sent = this.outbox.enqueue({ id: input.clientToken ?? uuidV4(), content, contentType, enqueuedAt: Date.now() });
      sent.then(observer.sent, observer.failed);
      return sent;
    });
  }

  /** Sends a failed message again (same ClientToken); rejects when no failed message has that id. */
  resendFailedMessage<M>(id: string, metadata: M | undefined): Promise<Response<SendMessageResult, M>> {
    return this.throughOutbox('resendFailedMessage', metadata, () => {
      const sent = this.outbox.resend(id);
      if (!sent) throw new IllegalArgumentException(`no failed message has id ${id}`, 'id');
      return sent;
    });
  }

  /** The guard first (a send before connect() or after the chat rejects at once, as in 5.0.0), then the outbox. */
  private async throughOutbox<M>(method: string, metadata: M | undefined, send: () => Promise<SendMessageResult>): Promise<Response<SendMessageResult, M>> {
    this.context.gate.tokenFor(method);
    try {
      return { data: await send(), metadata: (metadata ?? null) as M };
    } catch (error) {
      throw withCallerMetadata(error, metadata);
    }
  }

  /** Uploads a file; each of its three steps waits out an outage as a message does (in memory only). */
  sendAttachment<M>(file: Blob & { name: string }, options: AttachmentSendOptions, metadata: M | undefined): Promise<Response<SendAttachmentResult, M>> {
    const { clientToken, onProgress, signal } = options;
    const retryStep = <T>(step: () => Promise<T>): Promise<T> =>
      retryThroughOutage(step, { link: this.context.gate, maxWaitMs: this.maxWaitMs, delayMs: outboxRetryDelayMs, signal, method: 'sendAttachment' });
    return this.run(
      'sendAttachment',
      metadata,
      (token, { attachments }) => attachments.upload(token, file, { clientToken, onProgress, retryStep, metadata }),
      { contentType: file.type || undefined },
    );
  }

  /**
   * Typing goes through the typing throttle, receipts through the receipt throttler, the rest straight out.
   * A receipt may settle with a notice instead of an answer (coalesced, already sent, chat ended), as upstream.
   */
  sendEvent<M>(input: CheckedSendEvent, metadata: M | undefined): Promise<SendEventOutcome<M>> {
    const send = (clientToken?: string, use?: ClientUse): Promise<Response<SendEventResult, M>> =>
      this.run(
        'sendEvent',
        metadata,
        (token, { client }) =>
          client
            .sendEvent(token, { contentType: input.contentType, content: input.content, clientToken: input.clientToken ?? clientToken })
            .then((out) => out as SendEventResult),
        { contentType: input.contentType, use },
      );
    if (input.contentType === CONTENT_TYPE.typing) return this.typing.run(send);
    // checkSendEvent names the message exactly when the event is a receipt.
    if (input.receiptMessageId === undefined) return send();
    // No receipts once the chat is over: the service would refuse them.
    if (this.context.gate.hasEnded) return Promise.resolve(undefined);
    const kind = input.contentType === CONTENT_TYPE.readReceipt ? 'read' : 'delivered';
    const request = { kind, messageId: input.receiptMessageId, disableThrottle: input.disableThrottle } as const;
    // The receipt throttler retries a failed batch itself, so each of its tries is one request.
    return this.context.features.receipts.send(request, (clientToken) => send(clientToken, 'receipt'));
  }

  /** The features learn from every page the app fetches (receipts, Lex stitching, onTranscriptUpdated). */
  getTranscript<M>(request: TranscriptRequest, metadata: M | undefined): Promise<Response<GetTranscriptResult, M>> {
    return this.run('getTranscript', metadata, async (token, { client }) => {
      const page = (await client.getTranscript(token, request)) as GetTranscriptResult;
      learnFromTranscriptPage(this.context.features, request, page);
      return page;
    });
  }

  private async renewingOn403<D>(token: string, body: CallBody<D>, use?: ClientUse): Promise<D> {
    const { client, attachments } = this.context.services;
    const services = (): CallServices => ({ client: client(use), attachments });
    try {
      return await body(token, services());
    } catch (error) {
      // Only the service's own word that the token is no good renews it; any other 403 (a proxy's page,
      // a WAF) would not be helped by a new token.
      if (!isChatServiceError(error) || error.type !== ACCESS_DENIED) throw error;
      const renewed = await this.context.gate.renewToken(token);
      if (renewed === null) throw error;
      return body(renewed, services());
    }
  }
}
