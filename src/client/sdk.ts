// Every AWS SDK value the Participant client runs, from one module. The script-tag bundle builds it with
// the rest of the code; for the ES module build, webpack.config.js prebuilds this module (the SDK client,
// its commands and exception classes, with the parts the client never runs stubbed out) into
// dist/esm/client/sdk.js, so an app's own bundler gets the same lean client the script tag has.
export {
  CancelParticipantAuthenticationCommand,
  CompleteAttachmentUploadCommand,
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  DescribeViewCommand,
  DisconnectParticipantCommand,
  GetAttachmentCommand,
  GetAuthenticationUrlCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
  StartAttachmentUploadCommand,
  AccessDeniedException,
  ConflictException,
  ConnectParticipantServiceException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-connectparticipant';
