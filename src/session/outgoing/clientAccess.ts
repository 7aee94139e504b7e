// What a session needs from the Participant Service client. The client is looked up per call (from a
// cache keyed by region, endpoint and user-agent suffix) so a later setGlobalConfig({ endpoint }) reaches
// sessions that already exist, which upstream's per-region cache did not do.
import type { SessionClientCalls } from '../../client/participantClient.js';
import type { AttachmentProgress, SendAttachmentResult } from '../../types.js';

/** The built-in ParticipantClient, or the adapter of an app's own client (client/customClientAdapter.ts). */
export type SessionParticipantClient = SessionClientCalls;

/**
 * Which client a call wants: the default one retries each call (3 tries, within its retry quota);
 * `reconnect`, `receipt` and `outbox` try once, because their own schedule (the websocket manager's, the
 * receipt throttler's, the outbox's) is the retry there and must not be multiplied by the client's.
 */
export type ClientUse = 'default' | 'reconnect' | 'receipt' | 'outbox';
export type ClientLookup = (use?: ClientUse) => SessionParticipantClient;

export type { GetTranscriptInput as TranscriptRequest } from '../../client/participantClient.js';

export interface AttachmentOperations {
  upload(
    connectionToken: string,
    file: Blob & { name: string },
    options: {
      clientToken?: string;
      onProgress?: (progress: AttachmentProgress) => void;
      retryStep?: <T>(step: () => Promise<T>) => Promise<T>;
      /** The caller's metadata (a custom client's sendAttachment gets it). */
      metadata?: unknown;
    },
  ): Promise<SendAttachmentResult>;
  download(connectionToken: string, attachmentId: string): Promise<Blob>;
  url(connectionToken: string, attachmentId: string): Promise<string>;
}

/** The services of one session, built once when it is created (see sessionServices.ts). */
export interface SessionServices {
  client: ClientLookup;
  attachments: AttachmentOperations;
}
