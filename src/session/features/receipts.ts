// Receipts: pass-through until the throttler lands (every receipt is sent at once with a fresh UUID).
import { uuidV4 } from '../../client/uuid.js';
import type { FeatureContext, ReceiptsFeature } from './types.js';

export function createReceipts(_context: FeatureContext): ReceiptsFeature {
  let stopped = false;
  return {
    send: async (_request, send) => (stopped ? { message: 'The chat has ended' } : send(uuidV4())),
    rehydrate: () => undefined,
    stop: () => {
      stopped = true;
    },
  };
}
