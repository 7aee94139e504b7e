// The hooks through which the session's optional features see the chat. Each feature lives in its own
// file of this folder and is built by createSessionFeatures(); the controller and the session methods
// call these hooks at fixed points and know nothing else about the features.
import type { Logger } from '../../log/logger.js';
import type { ChatDetails, ChatTranscriptItem, GetTranscriptResult } from '../../types.js';
import type { NormalizedCreateArgs } from '../args/chatArgs.js';
import type { PendingMessage } from '../transcript/transcriptTracker.js';
import type { GetTranscriptInput as TranscriptRequest } from '../../client/participantClient.js';

/** What a feature may use. */
export interface FeatureContext {
  args: NormalizedCreateArgs;
  logger: Logger;
  chatDetails(): ChatDetails;
  /** Emits onTranscriptUpdated. */
  emitTranscript(transcript: ChatTranscriptItem[], previousTranscriptNextToken: string | null): void;
  /** Whether anyone listens to onTranscriptUpdated (the tracker only works then, as upstream). */
  hasTranscriptListeners(): boolean;
  /** Receipts switched on (session features, else global config). */
  receiptsEnabled(): boolean;
  /** The receipt throttle window in ms. */
  receiptThrottleMs(): number;
}

/** Read/delivered receipts (chatjs-behavior §4). */
export interface ReceiptsFeature {
  /**
   * Sends, coalesces or drops one receipt. `send` makes the SendEvent call with the given ClientToken.
   * Resolves what the caller's sendEvent resolves.
   */
  send<R>(
    request: { kind: 'read' | 'delivered'; messageId: string; disableThrottle: boolean },
    send: (clientToken: string) => Promise<R>,
  ): Promise<R | { message: string }>;
  /** Receipts already in a fetched transcript are not sent again. */
  rehydrate(items: ChatTranscriptItem[]): void;
  /** The chat ended: send nothing more, clear timers. */
  stop(): void;
}

/** Lex streaming messages (chatjs-behavior §3.7). */
export interface PartialMessagesFeature {
  /** The item to emit for `item` (stitched when it is a chunk), or null when nothing changed. */
  stitch(item: ChatTranscriptItem): ChatTranscriptItem | null;
  rehydrate(items: ChatTranscriptItem[]): void;
}

export type { PendingMessage } from '../transcript/transcriptTracker.js';

/** onTranscriptUpdated (chatjs-behavior §3.6). */
export interface TranscriptFeature {
  sending(message: { content: string; contentType: string }): PendingMessage;
  incoming(item: ChatTranscriptItem): void;
  page(request: TranscriptRequest, result: Partial<GetTranscriptResult>): void;
}

/** Client-side metrics of API calls and the websocket (chatjs-behavior §6.2). */
export interface MetricsFeature {
  /** One API call finished; `method` is the session method name (sendMessage, getTranscript, …). */
  apiCall(method: string, startedAtMs: number, failed: boolean, contentType?: string): void;
  /** A websocket lifecycle event: gained, lost, ended, incoming message, deep heartbeat success/failure. */
  websocket(event: 'gained' | 'lost' | 'ended' | 'incoming' | 'deepHeartbeatSuccess' | 'deepHeartbeatFailure'): void;
}

export interface SessionFeatures {
  receipts: ReceiptsFeature;
  partials: PartialMessagesFeature;
  transcript: TranscriptFeature;
  metrics: MetricsFeature;
}
