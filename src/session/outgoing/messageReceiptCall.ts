// `session.sendMessageReceipt({ event, messageId })` (upstream 5.1.0): one read or delivered receipt sent
// at once as a SendEvent, past the automatic receipts' on/off switch and their throttle. For apps that
// switch automatic receipts off and send their own from a custom UI.
import { CONTENT_TYPE } from '../../constants.js';
import { IllegalArgumentException } from '../../errors.js';
import type { ParticipantServiceResponse, SendEventResult, SendMessageReceiptArgs } from '../../types.js';
import { isObject } from '../../util/values.js';
import { optionalClientToken, requireArgs } from './requestArgs.js';
import type { ServiceCalls } from './serviceCalls.js';

const RECEIPT_CONTENT_TYPES = { read: CONTENT_TYPE.readReceipt, delivered: CONTENT_TYPE.deliveredReceipt } as const;

/** A checked `sendMessageReceipt` request. */
export interface CheckedMessageReceipt {
  contentType: string;
  messageId: string;
  clientToken?: string;
}

/** Checks the arguments; `messageId` wins over `message.Id`, as upstream. */
export function checkMessageReceipt(args: unknown): CheckedMessageReceipt {
  const { event, messageId: id, message, clientToken } = requireArgs(args, 'sendMessageReceipt');
  if (event !== 'read' && event !== 'delivered') {
    throw new IllegalArgumentException(`event must be 'read' or 'delivered' (got ${String(event)})`, 'event');
  }
  const messageId = nonEmpty(id) ?? (isObject(message) ? nonEmpty(message.Id) : undefined);
  if (messageId === undefined) {
    throw new IllegalArgumentException('sendMessageReceipt needs messageId, or message with an Id, naming the message acknowledged', 'messageId');
  }
  return { contentType: RECEIPT_CONTENT_TYPES[event], messageId, clientToken: optionalClientToken(clientToken) };
}

/** Sends the receipt through the session's call pipeline (guard, 403 renewal, metrics, metadata). */
export function sendMessageReceipt<M>(calls: Pick<ServiceCalls, 'run'>, args: SendMessageReceiptArgs<M>): Promise<ParticipantServiceResponse<SendEventResult, M>> {
  const { contentType, messageId, clientToken } = checkMessageReceipt(args);
  const content = JSON.stringify({ messageId });
  return calls.run<SendEventResult, M>(
    'sendMessageReceipt',
    args.metadata,
    (token, { client }) => client.sendEvent(token, { contentType, content, clientToken }).then((out) => out as SendEventResult),
    { contentType },
  );
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
