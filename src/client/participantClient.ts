// The Participant Service client: one thin method per operation over `@aws-sdk/client-connectparticipant`.
// Each method takes its bearer token explicitly (the client is shared by every session of a region), sends a
// UUID ClientToken on every write, and rejects only with `ChatServiceError`.

import {
  CancelParticipantAuthenticationCommand,
  CompleteAttachmentUploadCommand,
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  DescribeViewCommand,
  DisconnectParticipantCommand,
  GetAttachmentCommand,
  GetAuthenticationUrlCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
  StartAttachmentUploadCommand,
} from './sdk.js';
import type {
  CancelParticipantAuthenticationCommandOutput,
  CompleteAttachmentUploadCommandOutput,
  ConnectParticipantClientConfig,
  CreateParticipantConnectionCommandOutput,
  DescribeViewCommandOutput,
  DisconnectParticipantCommandOutput,
  GetAttachmentCommandOutput,
  GetAuthenticationUrlCommandOutput,
  GetTranscriptCommandOutput,
  SendEventCommandOutput,
  SendMessageCommandOutput,
  StartAttachmentUploadCommandOutput,
} from '@aws-sdk/client-connectparticipant';
import type { Logger } from '../log/logger.js';
import { silentLogger } from '../log/logger.js';
import { VERSION } from '../version.js';
import { stripStartPosition } from './startPosition.js';
import { toChatServiceError } from './errors.js';
import { ChatServiceError, SERVICE_ERROR_TYPES } from '../errors.js';
import { ParticipantRestJsonProtocol } from './restJsonProtocol.js';
import { ParticipantRetryStrategy, type RetryOptions } from './retryStrategy.js';
import { participantEndpoint, silentSdkLogger, unsignedAuthSchemeProvider, unsignedAuthSchemes } from './sdkOptions.js';
import { uuidV4 } from '../util/uuid.js';

/** Where and how to reach the Participant Service. */
export interface ParticipantClientConfig {
  /** The AWS region; the SDK needs one even with an endpoint override. */
  region: string;
  /** Replaces `https://participant.connect.<region>.amazonaws.com` (no trailing slash). */
  endpoint?: string;
  /** Appended to the user agent after `AmazonConnect-ChatJS/<version>`. */
  customUserAgentSuffix?: string;
  /** Tests: replaces the SDK's HTTP handler. */
  requestHandler?: ConnectParticipantClientConfig['requestHandler'];
  /** Tests and tuning: retry attempts and delays (defaults: 5 attempts, SDK standard backoff). */
  retry?: RetryOptions;
  logger?: Logger;
}

export type ConnectionTypeName = 'WEBSOCKET' | 'CONNECTION_CREDENTIALS';

export interface CreateConnectionOptions {
  type?: ConnectionTypeName[];
  connectParticipant?: boolean;
}

export interface SendMessageInput {
  content: string;
  contentType: string;
  clientToken?: string;
}

export interface SendEventInput {
  contentType: string;
  content?: string | null;
  clientToken?: string;
}

export { stripStartPosition, type StartPositionInput } from './startPosition.js';
import type { StartPositionInput } from './startPosition.js';

export interface GetTranscriptInput {
  maxResults: number;
  nextToken?: string | null;
  scanDirection: 'FORWARD' | 'BACKWARD';
  sortOrder: 'ASCENDING' | 'DESCENDING';
  startPosition?: StartPositionInput | null;
  contactId?: string | null;
}

export interface StartAttachmentUploadInput {
  attachmentName: string;
  attachmentSizeInBytes: number;
  contentType: string;
  clientToken?: string;
}

export interface AuthenticationUrlInput {
  sessionId: string;
  redirectUri: string;
}

/** The wire protocol keeps no state, so every client shares one. */
const PROTOCOL = new ParticipantRestJsonProtocol();

/** The SDK client options this package always uses. */
export function sdkClientConfig(config: ParticipantClientConfig): ConnectParticipantClientConfig {
  const suffix = config.customUserAgentSuffix;
  const retryStrategy = new ParticipantRetryStrategy(config.retry);
  return {
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    // The service authenticates with x-amz-bearer only: requests go unsigned, without credentials.
    httpAuthSchemes: unsignedAuthSchemes,
    httpAuthSchemeProvider: unsignedAuthSchemeProvider,
    endpointProvider: participantEndpoint,
    // Keeps the service's JSON as it came (unknown fields included) instead of the SDK model's shape.
    protocol: PROTOCOL,
    customUserAgent: [['AmazonConnect-ChatJS', VERSION], ...(suffix ? [[suffix] as [string]] : [])],
    maxAttempts: retryStrategy.maxAttempts,
    retryStrategy,
    logger: silentSdkLogger,
    ...(config.requestHandler ? { requestHandler: config.requestHandler } : {}),
  };
}

export class ParticipantClient {
  readonly config: Readonly<ParticipantClientConfig>;
  private readonly sdk: ConnectParticipantClient;
  private readonly logger: Logger;

  constructor(config: ParticipantClientConfig) {
    this.config = Object.freeze({ ...config });
    this.logger = config.logger ?? silentLogger;
    this.sdk = new ConnectParticipantClient(sdkClientConfig(config));
  }

  /** `participantToken` null (a session made for a custom client) is refused before any request. */
  createParticipantConnection(
    participantToken: string | null,
    options: CreateConnectionOptions = {},
  ): Promise<CreateParticipantConnectionCommandOutput> {
    if (!participantToken) {
      return Promise.reject(new ChatServiceError({ type: SERVICE_ERROR_TYPES.IllegalArgument, message: 'No participantToken to create a participant connection with' }));
    }
    const input = {
      ParticipantToken: participantToken,
      ...(options.type ? { Type: options.type } : {}),
      ...(options.connectParticipant != null ? { ConnectParticipant: options.connectParticipant } : {}),
    };
    return this.call('CreateParticipantConnection', () => this.sdk.send(new CreateParticipantConnectionCommand(input)));
  }

  disconnectParticipant(connectionToken: string, clientToken?: string): Promise<DisconnectParticipantCommandOutput> {
    const input = { ConnectionToken: connectionToken, ClientToken: clientToken || uuidV4() };
    return this.call('DisconnectParticipant', () => this.sdk.send(new DisconnectParticipantCommand(input)));
  }

  sendMessage(connectionToken: string, args: SendMessageInput): Promise<SendMessageCommandOutput> {
    const input = {
      ConnectionToken: connectionToken,
      Content: args.content,
      ContentType: args.contentType,
      ClientToken: args.clientToken || uuidV4(),
    };
    return this.call('SendMessage', () => this.sdk.send(new SendMessageCommand(input)));
  }

  sendEvent(connectionToken: string, args: SendEventInput): Promise<SendEventCommandOutput> {
    const input = {
      ConnectionToken: connectionToken,
      ContentType: args.contentType,
      ...(args.content != null ? { Content: args.content } : {}),
      ClientToken: args.clientToken || uuidV4(),
    };
    return this.call('SendEvent', () => this.sdk.send(new SendEventCommand(input)));
  }

  getTranscript(connectionToken: string, args: GetTranscriptInput): Promise<GetTranscriptCommandOutput> {
    const input = {
      ConnectionToken: connectionToken,
      MaxResults: args.maxResults,
      ScanDirection: args.scanDirection,
      SortOrder: args.sortOrder,
      StartPosition: stripStartPosition(args.startPosition),
      ...(args.nextToken ? { NextToken: args.nextToken } : {}),
      ...(args.contactId ? { ContactId: args.contactId } : {}),
    };
    return this.call('GetTranscript', () => this.sdk.send(new GetTranscriptCommand(input)));
  }

  startAttachmentUpload(
    connectionToken: string,
    args: StartAttachmentUploadInput,
  ): Promise<StartAttachmentUploadCommandOutput> {
    const input = {
      ConnectionToken: connectionToken,
      AttachmentName: args.attachmentName,
      AttachmentSizeInBytes: args.attachmentSizeInBytes,
      ContentType: args.contentType,
      ClientToken: args.clientToken || uuidV4(),
    };
    return this.call('StartAttachmentUpload', () => this.sdk.send(new StartAttachmentUploadCommand(input)));
  }

  /** The service accepts exactly one attachment id per call. */
  completeAttachmentUpload(
    connectionToken: string,
    attachmentId: string,
    clientToken?: string,
  ): Promise<CompleteAttachmentUploadCommandOutput> {
    const input = { ConnectionToken: connectionToken, AttachmentIds: [attachmentId], ClientToken: clientToken || uuidV4() };
    return this.call('CompleteAttachmentUpload', () => this.sdk.send(new CompleteAttachmentUploadCommand(input)));
  }

  /** `urlExpiryInSeconds`: 5..300; the service's default applies when absent. */
  getAttachment(
    connectionToken: string,
    attachmentId: string,
    urlExpiryInSeconds?: number,
  ): Promise<GetAttachmentCommandOutput> {
    const input = {
      ConnectionToken: connectionToken,
      AttachmentId: attachmentId,
      ...(urlExpiryInSeconds != null ? { UrlExpiryInSeconds: urlExpiryInSeconds } : {}),
    };
    return this.call('GetAttachment', () => this.sdk.send(new GetAttachmentCommand(input)));
  }

  describeView(connectionToken: string, viewToken: string): Promise<DescribeViewCommandOutput> {
    const input = { ConnectionToken: connectionToken, ViewToken: viewToken };
    return this.call('DescribeView', () => this.sdk.send(new DescribeViewCommand(input)));
  }

  getAuthenticationUrl(connectionToken: string, args: AuthenticationUrlInput): Promise<GetAuthenticationUrlCommandOutput> {
    const input = { ConnectionToken: connectionToken, SessionId: args.sessionId, RedirectUri: args.redirectUri };
    return this.call('GetAuthenticationUrl', () => this.sdk.send(new GetAuthenticationUrlCommand(input)));
  }

  cancelParticipantAuthentication(
    connectionToken: string,
    sessionId: string,
  ): Promise<CancelParticipantAuthenticationCommandOutput> {
    const input = { ConnectionToken: connectionToken, SessionId: sessionId };
    return this.call('CancelParticipantAuthentication', () =>
      this.sdk.send(new CancelParticipantAuthenticationCommand(input)),
    );
  }

  /** Releases the SDK client's sockets (Node); the client must not be used afterwards. */
  destroy(): void {
    this.sdk.destroy();
  }

  private async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (e) {
      const error = toChatServiceError(e);
      // Tokens never reach the log: only the operation and what the service said.
      this.logger.warn(`${operation} failed`, { type: error.type, statusCode: error.statusCode, requestId: error.requestId });
      throw error;
    }
  }
}

/** The calls a session makes on its client (attachments go through their own operations); a custom client's adapter has them too. */
export type SessionClientCalls = Pick<
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

const cache = new Map<string, ParticipantClient>();

/**
 * The shared client for `(region, endpoint, customUserAgentSuffix, retry.maxAttempts)`. The other options
 * (`requestHandler`, the rest of `retry`, `logger`) are taken from the call that creates the entry.
 */
export function getParticipantClient(config: ParticipantClientConfig): ParticipantClient {
  const key = JSON.stringify([config.region, config.endpoint ?? '', config.customUserAgentSuffix ?? '', config.retry?.maxAttempts ?? '']);
  let client = cache.get(key);
  if (!client) {
    client = new ParticipantClient(config);
    cache.set(key, client);
  }
  return client;
}

/** Forgets every cached client (tests, or after the global config changed in a way that needs new ones). */
export function clearParticipantClientCache(): void {
  // Not destroyed: a session may still hold one and finish its calls with it.
  cache.clear();
}
