// Stands in for the AWS SDK's exception classes in the script-tag bundle: @smithy/core's ServiceException,
// the Participant client's base exception and its seven modelled errors. Only the Participant client's
// protocol makes them (src/client/restJsonResponse.ts), and an error it makes carries the same own fields,
// in the same order, as the SDK's class would give it: `$fault`, `$response`, `$retryable`, `$metadata`,
// `name`, then the model's members (`Message`; `ResourceId` and `ResourceType` for ResourceNotFound).
// Left out: the SDK's cross-copy `instanceof` matching by name (nothing in the bundle asks; a plain
// prototype check holds for every error made here) and `decorateServiceException`, which only the SDK's
// own protocols call (they are not bundled: restJsonProtocol.js).
export class ServiceException extends Error {
  $fault;
  $response;
  $retryable;
  $metadata;

  constructor(options) {
    super(options.message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
  }

  static isInstance(value) {
    return value instanceof ServiceException;
  }
}

export const decorateServiceException = () => {
  throw new Error('decorateServiceException is not part of this bundle: the Participant client builds its own errors');
};

export class ConnectParticipantServiceException extends ServiceException {}
export { ServiceException as __ServiceException };

/** A modelled error class: its name and fault, and its own members besides `Message`. */
const modelled = (name, $fault, members = []) => {
  const Modelled = class extends ConnectParticipantServiceException {
    constructor(opts) {
      super({ name, $fault, ...opts });
      this.name = name;
      this.$fault = $fault;
      for (const member of ['Message', ...members]) this[member] = opts[member];
    }
  };
  Object.defineProperty(Modelled, 'name', { value: name });
  return Modelled;
};

export const AccessDeniedException = modelled('AccessDeniedException', 'client');
export const ConflictException = modelled('ConflictException', 'client');
export const InternalServerException = modelled('InternalServerException', 'server');
export const ResourceNotFoundException = modelled('ResourceNotFoundException', 'client', ['ResourceId', 'ResourceType']);
export const ServiceQuotaExceededException = modelled('ServiceQuotaExceededException', 'client');
export const ThrottlingException = modelled('ThrottlingException', 'client');
export const ValidationException = modelled('ValidationException', 'client');
