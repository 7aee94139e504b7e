// Lex streaming: pass-through until stitching lands.
import type { FeatureContext, PartialMessagesFeature } from './types.js';

export function createPartialMessages(_context: FeatureContext): PartialMessagesFeature {
  return { stitch: (item) => item, rehydrate: () => undefined };
}
