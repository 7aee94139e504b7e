// Receipts: the session's read/delivered throttler (src/receipts). Config is read at each call, so a later
// setGlobalConfig({ features: { messageReceipts } }) reaches sessions that already exist.
import { MessageReceipts } from '../../receipts/index.js';
import type { FeatureContext, ReceiptsFeature } from './types.js';

export function createReceipts(context: FeatureContext): ReceiptsFeature {
  return new MessageReceipts({
    enabled: () => context.receiptsEnabled(),
    throttleMs: () => context.receiptThrottleMs(),
    participantId: () => context.chatDetails().participantId,
    logger: context.logger,
  });
}
