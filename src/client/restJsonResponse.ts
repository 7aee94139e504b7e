// Reads a Participant Service answer. A success is the JSON body exactly as the service sent it, plus
// the SDK's `$metadata`: fields the bundled AWS SDK model does not know (added by the service later)
// reach the app instead of being dropped. A failure becomes the AWS SDK's own exception class for the
// error the service named (ConnectParticipantServiceException for a name the model does not know),
// with the same fields the SDK's restJson1 protocol gives it.

import {
  AccessDeniedException,
  ConflictException,
  ConnectParticipantServiceException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from './sdk.js';
import { SERVICE_ERROR_TYPES } from '../errors.js';
import { isObject } from '../util/values.js';
import type { HeaderBag, HttpResponse, ResponseMetadata, SerdeFunctions } from '@smithy/types';

type ModelledError = new (options: { $metadata: ResponseMetadata; message: string; Message: undefined }) => ConnectParticipantServiceException;

const MODELLED_ERRORS: Record<string, ModelledError> = {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
};

type Json = Record<string, unknown>;

function header(headers: HeaderBag, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** The answer's `$metadata`, as the SDK fills it before its retry middleware adds the attempt counts. */
export function responseMetadata(response: HttpResponse): ResponseMetadata {
  const { headers } = response;
  return {
    httpStatusCode: response.statusCode,
    requestId: header(headers, 'x-amzn-requestid') ?? header(headers, 'x-amzn-request-id') ?? header(headers, 'x-amz-request-id'),
    extendedRequestId: header(headers, 'x-amz-id-2'),
    cfId: header(headers, 'x-amz-cf-id'),
  };
}

/** The body as text ('' when there is none). */
export async function bodyText(response: HttpResponse, serde: SerdeFunctions): Promise<string> {
  const body: unknown = response.body;
  // The browser builds' fetch handler hands the body over already read as text.
  if (typeof body === 'string') return body;
  const bytes = body instanceof Uint8Array ? body : body ? await serde.streamCollector(body) : new Uint8Array();
  return bytes.byteLength > 0 ? serde.utf8Encoder(bytes) : '';
}

/** A JSON body as an object; anything else (nothing, an array, a scalar) carries no fields. */
export function parseBody(text: string): Json {
  if (text === '') return {};
  const parsed: unknown = JSON.parse(text);
  return isObject(parsed) ? parsed : {};
}

/**
 * The answer without its `null` members, at every depth, as the AWS SDK's deserializers leave it: a member
 * the service sent as `null` is absent, so `answer.X === undefined` means "not set" either way.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls) as T;
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, member] of Object.entries(value)) if (member !== null) out[key] = withoutNulls(member);
  return out as T;
}

/** `Name` from `Name:uri`, `namespace#Name` or `Name,other` (how the service and proxies spell error types). */
function errorName(raw: unknown): string {
  let name = String(raw);
  name = name.split(',')[0] as string;
  name = name.split(':')[0] as string;
  return name.includes('#') ? (name.split('#')[1] as string) : name;
}

/** The error type: the x-amzn-ErrorType header, else the body's `code`, else its `__type`. */
function errorCode(headers: HeaderBag, body: Json): string | undefined {
  const fromHeader = header(headers, 'x-amzn-errortype');
  if (fromHeader !== undefined) return errorName(fromHeader);
  const codeKey = Object.keys(body).find((key) => key.toLowerCase() === 'code');
  if (codeKey !== undefined && body[codeKey] !== undefined) return errorName(body[codeKey]);
  return body.__type !== undefined ? errorName(body.__type) : undefined;
}

/** The exception for a failed answer: the modelled class when the name is known, with the body's fields. */
export function serviceException(response: HttpResponse, body: Json, $metadata: ResponseMetadata): ConnectParticipantServiceException {
  const name = errorCode(response.headers, body) ?? SERVICE_ERROR_TYPES.Unknown;
  const message = String(body.message ?? body.Message ?? SERVICE_ERROR_TYPES.UnknownError);
  const Modelled = Object.prototype.hasOwnProperty.call(MODELLED_ERRORS, name) ? MODELLED_ERRORS[name] : undefined;
  const error = Modelled
    ? new Modelled({ $metadata, message, Message: undefined })
    : new ConnectParticipantServiceException({ name, $fault: response.statusCode < 500 ? 'client' : 'server', $metadata, message });
  // The body's other fields (ResourceId, __type, …) are added where the exception has no value of its own.
  const fields = error as unknown as Json;
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && (fields[key] == null || fields[key] === '')) fields[key] = value;
  }
  // `message` an own enumerable field, as the SDK's protocol leaves it (JSON.stringify of the error shows it).
  Object.defineProperty(error, 'message', { value: message, enumerable: true, writable: true, configurable: true });
  delete fields.Message;
  return error;
}
