// Builds a session's features; each comes from its own file in this folder.
import { createMetrics } from './metrics.js';
import { createPartialMessages } from './partialMessages.js';
import { createReceipts } from './receipts.js';
import { createTranscript } from './transcript.js';
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
