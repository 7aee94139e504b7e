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
import type { RetryErrorInfo } from '@smithy/types';
import { CONNECTION_TYPES } from '../constants.js';
import { ChatServiceError, SERVICE_ERROR_TYPES, UnImplementedMethodException } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { ChatClientConnection, ChatClientLike, ChatClientTranscriptArgs, SendAttachmentResult, VoiceNoteConverter } from '../types.js';
import type { AttachmentFile } from '../util/files.js';
import { isObject } from '../util/values.js';
import { prepareVoiceNote } from '../voiceNotes/audioConversion.js';
import { checkAttachment } from './attachmentRules.js';
import type { ChatClientMethod } from './chatClient.js';
import { isThrottlingError, toChatServiceError } from './errors.js';
import type { CreateConnectionOptions, GetTranscriptInput, SendEventInput, SendMessageInput, SessionClientCalls } from './participantClient.js';
import { ParticipantRetryStrategy, runWithRetries } from './retryStrategy.js';
import { stripStartPosition } from './startPosition.js';

/**
 * The session's connection token when the custom client keeps the real one (its CreateParticipantConnection
 * answer had no ConnectionCredentials): the session holds this, the client is handed null.
 */
export const CLIENT_HELD_TOKEN = '';

const forClient = (connectionToken: string): string | null => (connectionToken === CLIENT_HELD_TOKEN ? null : connectionToken);

/** A rejection of a custom client as a ChatServiceError; our own exceptions (an unimplemented method) pass. */
export function toCustomClientError(e: unknown): Error {
  if (e instanceof ChatServiceError || e instanceof UnImplementedMethodException) return e;
  if (e instanceof Error || !isObject(e)) return toChatServiceError(e);
  // Upstream's rejection shape, `{ type, message, statusCode }`, read as the AWS SDK error it stands for.
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const view = { name: typeof e.type === 'string' ? e.type : e.name, message: e.message, $metadata: status === undefined ? e.$metadata : { httpStatusCode: status } };
  const { type, message, statusCode, requestId, retryable } = toChatServiceError(view);
  return new ChatServiceError({ type, message, statusCode, requestId, retryable, cause: e });
}

/** One custom client seen through the session's client interface; `retry` null means one try per call. */
export class CustomClientAdapter implements SessionClientCalls {
  constructor(
    private readonly client: ChatClientLike,
    private readonly logger: Logger,
    private readonly retry: ParticipantRetryStrategy | null,
  ) {}

  async createParticipantConnection(participantToken: string | null, options: CreateConnectionOptions = {}): Promise<CreateParticipantConnectionCommandOutput> {
    const types = options.type ?? null;
    const data = await this.call<ChatClientConnection>('createParticipantConnection', [participantToken, types, options.connectParticipant ?? null]);
    if (data.ConnectionCredentials?.ConnectionToken) return data as CreateParticipantConnectionCommandOutput;
    if (types?.includes(CONNECTION_TYPES.WEBSOCKET) && typeof data.Websocket?.Url !== 'string') {
      throw new ChatServiceError({ type: SERVICE_ERROR_TYPES.InvalidResponse, message: 'customChatClient.createParticipantConnection: no ConnectionCredentials.ConnectionToken and no Websocket.Url' });
    }
    // No credentials: the client keeps the connection token; the session runs on the placeholder.
    this.logger.info('customChatClient keeps the connection token (calls get null)');
    return { ...data, ConnectionCredentials: { ConnectionToken: CLIENT_HELD_TOKEN } } as CreateParticipantConnectionCommandOutput;
  }

  // Each call maps the session's arguments to the contract's positional ones (see ChatClientLike in ../types.ts).
  disconnectParticipant(connectionToken: string): Promise<DisconnectParticipantCommandOutput> {
    return this.call('disconnectParticipant', [forClient(connectionToken)]);
  }

  sendMessage(connectionToken: string, args: SendMessageInput): Promise<SendMessageCommandOutput> {
    return this.call('sendMessage', [forClient(connectionToken), args.content, args.contentType, args.clientToken]);
  }

  sendEvent(connectionToken: string, args: SendEventInput): Promise<SendEventCommandOutput> {
    return this.call('sendEvent', [forClient(connectionToken), args.contentType, args.content ?? undefined, args.clientToken]);
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
    return this.call('getTranscript', [forClient(connectionToken), request]);
  }

  describeView(connectionToken: string, viewToken: string): Promise<DescribeViewCommandOutput> {
    return this.call('describeView', [viewToken, forClient(connectionToken)]);
  }

  getAuthenticationUrl(connectionToken: string, args: { sessionId: string; redirectUri: string }): Promise<GetAuthenticationUrlCommandOutput> {
    return this.call('getAuthenticationUrl', [forClient(connectionToken), args.redirectUri, args.sessionId]);
  }

  cancelParticipantAuthentication(connectionToken: string, sessionId: string): Promise<CancelParticipantAuthenticationCommandOutput> {
    return this.call('cancelParticipantAuthentication', [forClient(connectionToken), sessionId]);
  }

  /** One call's `data` (its type is the contract's answer for `method`), tried as the built-in client would try it. */
  private async call<D>(method: ChatClientMethod, args: unknown[]): Promise<D> {
    const once = () => answerData<D>(this.client, method, args);
    try {
      return this.retry ? await runWithRetries(this.retry, once, retryInfo) : await once();
    } catch (error) {
      throw failed(this.logger, method, error as Error);
    }
  }
}

/** One try of `method`: the answer's `data`; a rejection as a ChatServiceError (see toCustomClientError). */
async function answerData<D>(client: ChatClientLike, method: ChatClientMethod, args: unknown[]): Promise<D> {
  let answer: unknown;
  try {
    answer = await invoke(client, method, args);
  } catch (e) {
    throw toCustomClientError(e);
  }
  if (!isObject(answer) || !('data' in answer)) {
    throw new ChatServiceError({ type: SERVICE_ERROR_TYPES.InvalidResponse, message: `customChatClient.${method} must resolve { data }` });
  }
  return (answer.data ?? {}) as D;
}

/** Only what the built-in client would retry (throttling, 5xx, no answer), within its quota. */
function retryInfo(error: unknown): RetryErrorInfo | null {
  if (!(error instanceof ChatServiceError) || !error.retryable) return null;
  return { errorType: isThrottlingError(error) ? 'THROTTLING' : 'TRANSIENT' } as RetryErrorInfo;
}

/** Logs a failed call as the built-in client does (operation, type, status; never a token) and returns its error. */
function failed(logger: Logger, method: ChatClientMethod, error: Error): Error {
  const { type, statusCode } = error as Partial<ChatServiceError>;
  logger.warn(`customChatClient.${method} failed`, { type: type ?? error.name, statusCode });
  return error;
}

/** Calls `method` on the client with `args`, or rejects UnImplementedMethodException when it has none. */
async function invoke(client: ChatClientLike, method: ChatClientMethod, args: unknown[]): Promise<unknown> {
  const fn = (client as unknown as Record<string, unknown>)[method];
  if (typeof fn !== 'function') throw new UnImplementedMethodException(`customChatClient: ${method} is not implemented`);
  return (fn as (...all: unknown[]) => unknown).apply(client, args);
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
  const run = <D>(method: ChatClientMethod, args: unknown[]): Promise<D> =>
    invoke(client, method, args).then(
      (answer) => answer as D,
      (e: unknown) => {
        throw failed(logger, method, toCustomClientError(e));
      },
    );
  return {
    async upload(connectionToken: string, file: Blob & AttachmentFile, uploadOptions: { metadata?: unknown } = {}): Promise<SendAttachmentResult> {
      const upload = await prepareVoiceNote(file, undefined, { converter: options.voiceNoteConverter?.() ?? null });
      const contentType = checkAttachment(upload);
      // A file whose type the browser did not know is declared by its extension, as the built-in upload does.
      const declared = upload.type === contentType ? upload : Object.assign(new Blob([upload], { type: contentType }), { name: upload.name });
      const answer = await run<{ data?: SendAttachmentResult }>('sendAttachment', [forClient(connectionToken), declared, uploadOptions.metadata ?? null]);
      return answer?.data ?? {};
    },
    download: (connectionToken: string, attachmentId: string): Promise<Blob> => run('downloadAttachment', [forClient(connectionToken), attachmentId]),
    url: (connectionToken: string, attachmentId: string): Promise<string> => run('getAttachmentURL', [forClient(connectionToken), attachmentId]),
  };
}

/** The clients a session uses: `retrying` for its default calls, `once` where its own schedule retries. */
export function customClientAdapters(client: ChatClientLike, logger: Logger): { retrying: CustomClientAdapter; once: CustomClientAdapter } {
  return { retrying: new CustomClientAdapter(client, logger, new ParticipantRetryStrategy()), once: new CustomClientAdapter(client, logger, null) };
}
