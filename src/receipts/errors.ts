// The one error the receipt throttler raises itself; service failures reach callers unchanged.
import { IllegalStateException } from '../errors.js';

/**
 * A receipt was sent while receipts are switched off. Keeps upstream's `errorMessage` text so apps that
 * read it keep working; the message says how to switch receipts back on.
 */
export class ReceiptsDisabledError extends IllegalStateException {
  readonly errorMessage = 'Ignoring messageReceipt: false';
  constructor() {
    super(
      'Message receipts are disabled (features.messageReceipts.shouldSendMessageReceipts is false); ' +
        'enable them with ChatSession.setGlobalConfig({ features: { messageReceipts: { shouldSendMessageReceipts: true } } }) ' +
        'or the session’s own features.messageReceipts',
    );
  }
}
