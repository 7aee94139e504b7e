// The browser builds' stand-in for ../sdk.ts: the same names, from this package's own Participant Service
// client instead of the AWS SDK's. webpack.config.js puts it in place of ../sdk.ts in the script-tag bundle,
// and scripts/build.js makes dist/esm/client/sdk.js re-export it in the ES module build; Node keeps the AWS SDK.
export { ConnectParticipantClient } from './client.js';
export {
  CancelParticipantAuthenticationCommand,
  CompleteAttachmentUploadCommand,
  CreateParticipantConnectionCommand,
  DescribeViewCommand,
  DisconnectParticipantCommand,
  GetAttachmentCommand,
  GetAuthenticationUrlCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
  StartAttachmentUploadCommand,
} from './commands.js';
export {
  AccessDeniedException,
  ConflictException,
  ConnectParticipantServiceException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from './exceptions.js';
