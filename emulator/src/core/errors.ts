// Service errors, shaped the way AWS restJson1 services answer: the type travels both in the
// `x-amzn-ErrorType` header and as `__type` in the body, so SDKs in Node and in browsers (where the
// header may be unreadable without Expose-Headers) resolve the same exception class.

/** An error that the HTTP layer turns into an AWS-style JSON answer. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    readonly extraFields: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = errorType;
  }

  /** The JSON body: lowercase `message` as the service sends it, `Message` as the model names it. */
  toBody(): Record<string, unknown> {
    return { __type: this.errorType, message: this.message, Message: this.message, ...this.extraFields };
  }
}

/** Builds a 400 error of the given type whose message names the field, like AWS validation messages. */
export type InvalidFieldError = (field: string, constraint: string) => ServiceError;

export const participantValidationError: InvalidFieldError = (field, constraint) =>
  new ServiceError(400, 'ValidationException', validationMessage(field, constraint));

export const connectInvalidParameterError: InvalidFieldError = (field, constraint) =>
  new ServiceError(400, 'InvalidParameterException', validationMessage(field, constraint));

function validationMessage(field: string, constraint: string): string {
  return `1 validation error detected: Value at '${field}' failed to satisfy constraint: ${constraint}`;
}

export const accessDenied = (): ServiceError => new ServiceError(403, 'AccessDeniedException', 'Access denied');

export const validationError = (message: string): ServiceError => new ServiceError(400, 'ValidationException', message);

export const conflictError = (message: string): ServiceError => new ServiceError(409, 'ConflictException', message);

export const invalidRequest = (message: string): ServiceError => new ServiceError(400, 'InvalidRequestException', message);

export const unknownOperation = (method: string, path: string): ServiceError =>
  new ServiceError(404, 'UnknownOperationException', `No operation matches ${method} ${path}`);

export const serializationError = (): ServiceError =>
  new ServiceError(400, 'SerializationException', 'Request body is not a valid JSON object');

export const bodyTooLarge = (limit: number): ServiceError =>
  new ServiceError(413, 'RequestEntityTooLargeException', `Request body exceeds ${limit} bytes`);

export const resourceNotFound = (message: string, resourceId: string, resourceType: string): ServiceError =>
  new ServiceError(404, 'ResourceNotFoundException', message, { ResourceId: resourceId, ResourceType: resourceType });

/** Any thrown value as a ServiceError; unexpected ones become a 500 so the process never crashes. */
export function toServiceError(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  return new ServiceError(500, 'InternalServerException', 'Internal server error');
}
