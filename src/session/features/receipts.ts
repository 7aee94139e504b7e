// Receipts: the session's read/delivered throttler (src/receipts). Config is read at each call, so a later
// setGlobalConfig({ features: { messageReceipts } }) reaches sessions that already exist.
import { MessageReceipts } from '../../receipts/index.js';
import type { FeatureContext, ReceiptsFeature } from './types.js';

export function createReceipts(context: FeatureContext): ReceiptsFeature {
  const receipts = new MessageReceipts({
    enabled: () => context.receiptsEnabled(),
    throttleMs: () => context.receiptThrottleMs(),
    participantId: () => context.chatDetails().participantId,
    logger: context.logger,
  });
  return {
    send: (request, send) => receipts.send(request, send),
    rehydrate: (items) => receipts.rehydrate(items),
    stop: () => receipts.stop(),
  };
}
