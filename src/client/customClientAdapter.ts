// Runs a session's Participant Service calls through the app's own client (upstream 5.2.0's customChatClient).
// One side speaks the session's client interface (the methods of ParticipantClient it uses, the attachment
// operations); the other the ChatClient contract (positional arguments, `{ data }` answers, see ../types.ts).
// What stays ours around it: rejections become ChatServiceError (upstream's `{ type, message, statusCode }`
// objects included), so the outbox, the token renewal and the receipt retries judge them as they judge the
// built-in client's; and a "default" call is tried up to 3 times within a retry quota, as the built-in does.
import type {
  CancelParticipantAuthenticationCommandOutput,
  CreateParticipantConnectionCommandOutput,
  DescribeViewCommandOutput,
  DisconnectParticipantCommandOutput,
  GetAuthenticationUrlCommandOutput,
  GetTranscriptCommandOutput,
  SendEventCommandOutput,
  SendMessageCommandOutput,
} from '@aws-sdk/client-connectparticipant';
import { CONNECTION_TYPES } from '../constants.js';
import { ChatServiceError, SERVICE_ERROR_TYPES, UnImplementedMethodException } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { ChatClientLike, ChatClientTranscriptArgs, SendAttachmentResult } from '../types.js';
import type { AttachmentFile } from '../util/files.js';
import { isObject } from '../util/values.js';
import { prepareVoiceNote } from '../voiceNotes/audioConversion.js';
import type { VoiceNoteConverter } from '../types.js';
import { checkAttachment } from './attachmentRules.js';
import type { ChatClientMethod } from './chatClient.js';
import { isRetryableError, toChatServiceError } from './errors.js';
import type { CreateConnectionOptions, GetTranscriptInput, ParticipantClient, SendEventInput, SendMessageInput } from './participantClient.js';
import { ParticipantRetryStrategy } from './retryStrategy.js';
import { stripStartPosition } from './startPosition.js';

/**
 * The session's connection token when the custom client keeps the real one (its CreateParticipantConnection
 * answer had no ConnectionCredentials): the session holds this, the client is handed null.
 */
export const CLIENT_HELD_TOKEN = '';

const forClient = (connectionToken: string): string | null => (connectionToken === CLIENT_HELD_TOKEN ? null : connectionToken);

/** The calls of ParticipantClient a session makes (the attachment steps go through customAttachments). */
export type CustomClientCalls = Pick<
  ParticipantClient,
  | 'createParticipantConnection'
  | 'disconnectParticipant'
  | 'sendMessage'
  | 'sendEvent'
  | 'getTranscript'
  | 'describeView'
  | 'getAuthenticationUrl'
  | 'cancelParticipantAuthentication'
>;

/** A rejection of a custom client as a ChatServiceError; our own exceptions (an unimplemented method) pass. */
export function toCustomClientError(e: unknown): Error {
  if (e instanceof ChatServiceError || e instanceof UnImplementedMethodException) return e;
  if (e instanceof Error || !isObject(e)) return toChatServiceError(e);
  // Upstream's rejection shape, `{ type, message, statusCode }`, read as the AWS SDK error it stands for.
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const view = { name: typeof e.type === 'string' ? e.type : e.name, message: e.message, $metadata: status === undefined ? e.$metadata : { httpStatusCode: status } };
  const { type, message, statusCode, requestId } = toChatServiceError(view);
  return new ChatServiceError({ type, message, statusCode, requestId, retryable: isRetryableError(view), cause: e });
}

const THROTTLING = (error: ChatServiceError): boolean => error.statusCode === 429 || /throttl|toomanyrequests/i.test(error.type);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One custom client seen through the session's client interface; `retry` null means one try per call. */
export class CustomClientAdapter implements CustomClientCalls {
  constructor(
    private readonly client: ChatClientLike,
    private readonly logger: Logger,
    private readonly retry: ParticipantRetryStrategy | null,
  ) {}

  async createParticipantConnection(participantToken: string | null, options: CreateConnectionOptions = {}): Promise<CreateParticipantConnectionCommandOutput> {
    const types = options.type ?? null;
    const data = await this.call('createParticipantConnection', (c) => c.createParticipantConnection(participantToken, types, options.connectParticipant ?? null));
    if (isObject(data.ConnectionCredentials) && typeof data.ConnectionCredentials.ConnectionToken === 'string' && data.ConnectionCredentials.ConnectionToken) {
      return data as CreateParticipantConnectionCommandOutput;
    }
    if (types?.includes(CONNECTION_TYPES.WEBSOCKET) && typeof data.Websocket?.Url !== 'string') {
      throw new ChatServiceError({
        type: SERVICE_ERROR_TYPES.InvalidResponse,
        message: 'customChatClient.createParticipantConnection resolved neither ConnectionCredentials.ConnectionToken nor Websocket.Url (expected { data: { Websocket: { Url } } } at least)',
      });
    }
    // No credentials: the client keeps the connection token; the session runs on the placeholder.
    this.logger.info('customChatClient keeps the connection token: its calls get connectionToken null');
    return { ...data, ConnectionCredentials: { ConnectionToken: CLIENT_HELD_TOKEN } } as CreateParticipantConnectionCommandOutput;
  }

  disconnectParticipant(connectionToken: string): Promise<DisconnectParticipantCommandOutput> {
    return this.call('disconnectParticipant', (c) => c.disconnectParticipant(forClient(connectionToken))) as Promise<DisconnectParticipantCommandOutput>;
  }

  sendMessage(connectionToken: string, args: SendMessageInput): Promise<SendMessageCommandOutput> {
    const send = (c: ChatClientLike) => c.sendMessage(forClient(connectionToken), args.content, args.contentType, args.clientToken);
    return this.call('sendMessage', send) as Promise<SendMessageCommandOutput>;
  }

  sendEvent(connectionToken: string, args: SendEventInput): Promise<SendEventCommandOutput> {
    const send = (c: ChatClientLike) => c.sendEvent(forClient(connectionToken), args.contentType, args.content ?? undefined, args.clientToken);
    return this.call('sendEvent', send) as Promise<SendEventCommandOutput>;
  }

  getTranscript(connectionToken: string, args: GetTranscriptInput): Promise<GetTranscriptCommandOutput> {
    const start = stripStartPosition(args.startPosition);
    const request: ChatClientTranscriptArgs = {
      maxResults: args.maxResults,
      scanDirection: args.scanDirection,
      sortOrder: args.sortOrder,
      startPosition: { id: start.Id, absoluteTime: start.AbsoluteTime, mostRecent: start.MostRecent },
      ...(args.nextToken ? { nextToken: args.nextToken } : {}),
      ...(args.contactId ? { contactId: args.contactId } : {}),
    };
    return this.call('getTranscript', (c) => c.getTranscript(forClient(connectionToken), request)) as Promise<GetTranscriptCommandOutput>;
  }

  describeView(connectionToken: string, viewToken: string): Promise<DescribeViewCommandOutput> {
    return this.call('describeView', (c) => c.describeView(viewToken, forClient(connectionToken))) as Promise<DescribeViewCommandOutput>;
  }

  getAuthenticationUrl(connectionToken: string, args: { sessionId: string; redirectUri: string }): Promise<GetAuthenticationUrlCommandOutput> {
    const send = (c: ChatClientLike) => c.getAuthenticationUrl(forClient(connectionToken), args.redirectUri, args.sessionId);
    return this.call('getAuthenticationUrl', send) as Promise<GetAuthenticationUrlCommandOutput>;
  }

  cancelParticipantAuthentication(connectionToken: string, sessionId: string): Promise<CancelParticipantAuthenticationCommandOutput> {
    const send = (c: ChatClientLike) => c.cancelParticipantAuthentication(forClient(connectionToken), sessionId);
    return this.call('cancelParticipantAuthentication', send) as Promise<CancelParticipantAuthenticationCommandOutput>;
  }

  /** One call's `data`, tried as the built-in client would try it. */
  private async call<D>(method: ChatClientMethod, send: (client: ChatClientLike) => Promise<{ data: D }>): Promise<D> {
    let token = this.retry ? await this.retry.acquireInitialRetryToken() : null;
    for (;;) {
      try {
        const answer = await invoke(this.client, method, send);
        if (token) this.retry?.recordSuccess(token);
        return answer;
      } catch (e) {
        const error = toCustomClientError(e);
        const next = await this.nextTry(error, token);
        if (next === null) {
          const { type, statusCode } = error as Partial<ChatServiceError>;
          this.logger.warn(`customChatClient.${method} failed`, { type: type ?? error.name, statusCode });
          throw error;
        }
        token = next;
        await sleep(next.getRetryDelay());
      }
    }
  }

  /** The retry token for another try, or null when the error or the quota says no. */
  private async nextTry(error: Error, token: Awaited<ReturnType<ParticipantRetryStrategy['acquireInitialRetryToken']>> | null) {
    if (!this.retry || !token || !(error instanceof ChatServiceError) || !error.retryable) return null;
    const errorType = THROTTLING(error) ? 'THROTTLING' : 'TRANSIENT';
    return this.retry.refreshRetryTokenForRetry(token, { errorType }).catch(() => null);
  }
}

/** Calls `method` on the client as it is, or rejects UnImplementedMethodException when it has none. */
async function invokeRaw<D>(client: ChatClientLike, method: ChatClientMethod, send: (client: ChatClientLike) => Promise<D>): Promise<D> {
  if (typeof (client as unknown as Record<string, unknown>)[method] !== 'function') {
    throw new UnImplementedMethodException(`customChatClient has no ${method} method`);
  }
  return send(client);
}

/** As invokeRaw, for the calls that resolve `{ data }`: the data, checked to be there. */
async function invoke<D>(client: ChatClientLike, method: ChatClientMethod, send: (client: ChatClientLike) => Promise<{ data: D }>): Promise<D> {
  const answer: unknown = await invokeRaw(client, method, send);
  if (!isObject(answer) || !('data' in answer)) {
    throw new ChatServiceError({ type: SERVICE_ERROR_TYPES.InvalidResponse, message: `customChatClient.${method} must resolve { data }, got ${answer === null ? 'null' : typeof answer}` });
  }
  return (answer.data ?? {}) as D;
}

/** Where the app's converter for voice notes comes from (read at each upload). */
export interface CustomAttachmentOptions {
  voiceNoteConverter?: () => VoiceNoteConverter | null;
}

/**
 * The session's attachment operations over a custom client. Our checks still run first (type, size, voice
 * note conversion); the client then owns the whole upload, tried once (it carries no idempotency token, so a
 * retry could store the file twice), and reports no progress.
 */
export function customAttachments(client: ChatClientLike, logger: Logger, options: CustomAttachmentOptions = {}) {
  const run = <D>(method: ChatClientMethod, send: (c: ChatClientLike) => Promise<D>): Promise<D> =>
    invokeRaw(client, method, send).catch((e: unknown) => {
      const error = toCustomClientError(e);
      logger.warn(`customChatClient.${method} failed`, { type: (error as Partial<ChatServiceError>).type ?? error.name });
      throw error;
    });
  return {
    async upload(connectionToken: string, file: Blob & AttachmentFile, uploadOptions: { metadata?: unknown } = {}): Promise<SendAttachmentResult> {
      const upload = await prepareVoiceNote(file, undefined, { converter: options.voiceNoteConverter?.() ?? null });
      const contentType = checkAttachment(upload);
      // A file whose type the browser did not know is declared by its extension, as the built-in upload does.
      const declared = upload.type === contentType ? upload : Object.assign(new Blob([upload], { type: contentType }), { name: upload.name });
      const answer = await run('sendAttachment', (c) => c.sendAttachment(forClient(connectionToken), declared, uploadOptions.metadata ?? null));
      return (isObject(answer) && isObject(answer.data) ? answer.data : {}) as SendAttachmentResult;
    },
    download: (connectionToken: string, attachmentId: string): Promise<Blob> =>
      run('downloadAttachment', (c) => c.downloadAttachment(forClient(connectionToken), attachmentId)),
    url: (connectionToken: string, attachmentId: string): Promise<string> =>
      run('getAttachmentURL', (c) => c.getAttachmentURL(forClient(connectionToken), attachmentId)),
  };
}

/** The clients a session uses: `retrying` for its default calls, `once` where its own schedule retries. */
export function customClientAdapters(client: ChatClientLike, logger: Logger): { retrying: CustomClientAdapter; once: CustomClientAdapter } {
  return { retrying: new CustomClientAdapter(client, logger, new ParticipantRetryStrategy()), once: new CustomClientAdapter(client, logger, null) };
}
