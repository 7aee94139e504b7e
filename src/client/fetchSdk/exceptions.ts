// The AWS SDK's exception classes for the Participant Service, as the browser builds' own client makes
// them: the base class, the service's base exception and its seven modelled errors. Only the client's
// protocol creates them (../restJsonResponse.ts), and an error it creates carries the same own fields, in
// the same order, as the SDK class would give it: `$fault`, `$response`, `$retryable`, `$metadata`,
// `name`, then the model's members (`Message`; `ResourceId` and `ResourceType` for ResourceNotFound).
import type { ResponseMetadata } from '@smithy/types';

export interface ServiceExceptionOptions {
  name: string;
  $fault: 'client' | 'server';
  $metadata: ResponseMetadata;
  message?: string;
  [member: string]: unknown;
}

export class ServiceException extends Error {
  $fault: 'client' | 'server';
  $response: unknown;
  $retryable: unknown;
  $metadata: ResponseMetadata;

  constructor(options: ServiceExceptionOptions) {
    super(options.message);
    Object.setPrototypeOf(this, new.target.prototype);
    // Assigned one by one, in the SDK class's field order (the compiled class fields would not be).
    this.$fault = options.$fault;
    this.$response = undefined;
    this.$retryable = undefined;
    this.$metadata = options.$metadata;
    this.name = options.name;
  }

  static isInstance(value: unknown): value is ServiceException {
    return value instanceof ServiceException;
  }
}

export class ConnectParticipantServiceException extends ServiceException {}

interface ModelledOptions {
  $metadata: ResponseMetadata;
  message?: string;
  [member: string]: unknown;
}
type ModelledClass = new (options: ModelledOptions) => ConnectParticipantServiceException;

/** A modelled error class: its name and fault, and its own members besides `Message`. */
function modelled(name: string, $fault: 'client' | 'server', members: readonly string[] = []): ModelledClass {
  const Modelled = class extends ConnectParticipantServiceException {
    constructor(options: ModelledOptions) {
      super({ ...options, name, $fault });
      const fields = this as unknown as Record<string, unknown>;
      for (const member of ['Message', ...members]) fields[member] = options[member];
    }
  };
  Object.defineProperty(Modelled, 'name', { value: name });
  return Modelled;
}

export const AccessDeniedException = modelled('AccessDeniedException', 'client');
export const ConflictException = modelled('ConflictException', 'client');
export const InternalServerException = modelled('InternalServerException', 'server');
export const ResourceNotFoundException = modelled('ResourceNotFoundException', 'client', ['ResourceId', 'ResourceType']);
export const ServiceQuotaExceededException = modelled('ServiceQuotaExceededException', 'client');
export const ThrottlingException = modelled('ThrottlingException', 'client');
export const ValidationException = modelled('ValidationException', 'client');
