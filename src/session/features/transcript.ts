// onTranscriptUpdated: a no-op until the tracker lands.
import type { FeatureContext, TranscriptFeature } from './types.js';

export function createTranscript(_context: FeatureContext): TranscriptFeature {
  return {
    sending: () => ({ sent: () => undefined, failed: () => undefined }),
    incoming: () => undefined,
    page: () => undefined,
  };
}
