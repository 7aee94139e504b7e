// The read/delivered receipt throttler and what it exposes to the session.
export { MessageReceipts, RECEIPT_NOTICES } from './messageReceipts.js';
export type { MessageReceiptsOptions, ReceiptKind, ReceiptNotice, ReceiptRequest } from './messageReceipts.js';
export { ReceiptsDisabledError } from '../errors.js';
export { acknowledgedInTranscript } from './transcriptReceipts.js';
export type { AcknowledgedMessages } from './transcriptReceipts.js';
