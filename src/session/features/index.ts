// Builds a session's features; each comes from its own file in this folder.
import { createMetrics } from './metrics.js';
import { createPartialMessages } from './partialMessages.js';
import { createReceipts } from './receipts.js';
import { createTranscript } from './transcript.js';
import type { GetTranscriptInput } from '../../client/participantClient.js';
import type { Logger } from '../../log/logger.js';
import type { ChatTranscriptItem } from '../../types.js';
import type { FeatureContext, SessionFeatures } from './types.js';

export type * from './types.js';

export function createSessionFeatures(context: FeatureContext): SessionFeatures {
  return {
    receipts: createReceipts(context),
    partials: createPartialMessages(context),
    transcript: createTranscript(context),
    metrics: createMetrics(context),
  };
}

/** A transcript page came back (the app's getTranscript or the session's own fetch): the features learn what it holds. */
export function learnFromTranscriptPage(
  features: SessionFeatures,
  request: GetTranscriptInput,
  page: { Transcript?: ChatTranscriptItem[]; NextToken?: string },
): void {
  const items = page.Transcript ?? [];
  features.partials.rehydrate(items);
  features.transcript.page(request, page);
  features.receipts.rehydrate(items);
}

/** Loads the latest 100 items into the tracked transcript (a new connection while onTranscriptUpdated has listeners). */
export function loadTrackedTranscript(
  features: SessionFeatures,
  fetchPage: (request: GetTranscriptInput) => Promise<unknown>,
  logger: Logger,
): void {
  const request: GetTranscriptInput = { maxResults: 100, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING', startPosition: {} };
  fetchPage(request)
    .then((page) => learnFromTranscriptPage(features, request, page as { Transcript?: ChatTranscriptItem[]; NextToken?: string }))
    .catch((error: unknown) => logger.warn('Loading the transcript for onTranscriptUpdated failed', error));
}
