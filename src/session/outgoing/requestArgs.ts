// Validates and fills in the arguments of session methods. Every failure is an IllegalArgumentException
// that names the field and the rule; the session stays usable.
import { ALL_CONTENT_TYPES, CONTENT_TYPE, TRANSCRIPT_DEFAULTS } from '../../constants.js';
import { IllegalArgumentException } from '../../errors.js';
import { stripStartPosition } from '../../client/startPosition.js';
import { isObject } from '../../util/values.js';
import type { GetTranscriptArgs, SendEventArgs, SendMessageArgs } from '../../types.js';
import type { TranscriptRequest } from './clientAccess.js';

const MESSAGE_CONTENT_TYPES: readonly string[] = [
  CONTENT_TYPE.textPlain,
  CONTENT_TYPE.textMarkdown,
  CONTENT_TYPE.applicationJson,
  CONTENT_TYPE.interactiveMessageResponse,
];

export function requireArgs(args: unknown, method: string): Record<string, unknown> {
  if (!isObject(args)) throw new IllegalArgumentException(`${method} needs an arguments object`, 'args');
  return args;
}

/** A caller's ClientToken: none, or a string of at most 500 characters. */
export function optionalClientToken(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 500) {
    throw new IllegalArgumentException('clientToken must be a string of at most 500 characters', 'clientToken');
  }
  return value;
}

/** sendMessage's arguments once checked. */
export type CheckedSendMessage = Required<Pick<SendMessageArgs, 'message' | 'contentType'>> & SendMessageArgs;

/** sendEvent's arguments once checked; receipts also carry the message they acknowledge. */
export type CheckedSendEvent = SendEventArgs & { content?: string; receiptMessageId?: string; disableThrottle: boolean };

const RECEIPT_TYPES: readonly string[] = [CONTENT_TYPE.readReceipt, CONTENT_TYPE.deliveredReceipt];

export function checkSendMessage(args: unknown): CheckedSendMessage {
  const input = requireArgs(args, 'sendMessage');
  if (typeof input.message !== 'string' || input.message.length === 0) {
    throw new IllegalArgumentException('message must be a non-empty string', 'message');
  }
  const contentType = (input.contentType as string | undefined) ?? CONTENT_TYPE.textPlain;
  if (!MESSAGE_CONTENT_TYPES.includes(contentType)) {
    throw new IllegalArgumentException(
      `contentType ${String(contentType)} cannot be sent as a message; allowed: ${MESSAGE_CONTENT_TYPES.join(', ')}`,
      'contentType',
    );
  }
  return { ...(input as unknown as SendMessageArgs), message: input.message, contentType, clientToken: optionalClientToken(input.clientToken) };
}

export function checkSendEvent(args: unknown): CheckedSendEvent {
  const input = requireArgs(args, 'sendEvent');
  const contentType = input.contentType;
  if (typeof contentType !== 'string' || !ALL_CONTENT_TYPES.includes(contentType)) {
    throw new IllegalArgumentException(
      `contentType ${String(contentType)} is not a known content type; use an event type such as ${CONTENT_TYPE.typing}`,
      'contentType',
    );
  }
  const content = input.content;
  if (content !== undefined && content !== null && typeof content !== 'string') {
    throw new IllegalArgumentException('content must be a string (JSON for receipts) when given', 'content');
  }
  const text = typeof content === 'string' && content.length > 0 ? content : undefined;
  const isReceipt = RECEIPT_TYPES.includes(contentType);
  return {
    ...(input as unknown as SendEventArgs),
    contentType,
    content: text,
    clientToken: optionalClientToken(input.clientToken),
    receiptMessageId: isReceipt ? receiptMessageId(text) : undefined,
    disableThrottle: isReceipt && disablesThrottle(text),
  };
}

/** `content.disableThrottle: true` asks for a receipt to be sent at once (upstream's escape hatch). */
function disablesThrottle(content: string | undefined): boolean {
  try {
    return (JSON.parse(content ?? '{}') as { disableThrottle?: unknown }).disableThrottle === true;
  } catch {
    return false;
  }
}

/** The message id a read/delivered receipt refers to. */
function receiptMessageId(content: string | undefined): string {
  let parsed: unknown;
  try {
    parsed = content === undefined ? undefined : JSON.parse(content);
  } catch {
    throw new IllegalArgumentException('content of a receipt must be JSON like {"messageId":"…"}', 'content');
  }
  const messageId = isObject(parsed) ? parsed.messageId : undefined;
  if (typeof messageId !== 'string' || messageId.length === 0) {
    throw new IllegalArgumentException('content of a receipt must name the messageId it acknowledges', 'content.messageId');
  }
  return messageId;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string): T {
  if (value === undefined || value === null) return fallback;
  if (!allowed.includes(value as T)) {
    throw new IllegalArgumentException(`${field} must be one of ${allowed.join(', ')}`, field);
  }
  return value as T;
}

/** Upstream's defaults: 15 items, BACKWARD, ASCENDING, no start position. */
export function toTranscriptRequest(args: unknown): TranscriptRequest {
  const input: Partial<GetTranscriptArgs> = isObject(args) ? (args as Partial<GetTranscriptArgs>) : {};
  const maxResults = input.maxResults ?? TRANSCRIPT_DEFAULTS.maxResults;
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 0 || maxResults > 100) {
    throw new IllegalArgumentException('maxResults must be an integer from 0 to 100', 'maxResults');
  }
  const request: TranscriptRequest = {
    maxResults,
    scanDirection: oneOf(input.scanDirection, ['FORWARD', 'BACKWARD'] as const, TRANSCRIPT_DEFAULTS.scanDirection, 'scanDirection'),
    sortOrder: oneOf(input.sortOrder, ['ASCENDING', 'DESCENDING'] as const, TRANSCRIPT_DEFAULTS.sortOrder, 'sortOrder'),
    startPosition: stripStartPosition(input.startPosition),
  };
  if (input.nextToken) request.nextToken = input.nextToken;
  if (input.contactId) request.contactId = input.contactId;
  return request;
}

export function requireString(args: unknown, field: string, method: string): string {
  const input = requireArgs(args, method);
  const value = input[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new IllegalArgumentException(`${field} must be a non-empty string`, field);
  }
  return value;
}
