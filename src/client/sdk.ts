// Every AWS SDK value the Participant client runs, from one module: the seam between the builds. The Node
// build (CommonJS) runs these from @aws-sdk/client-connectparticipant; the browser builds put the package's
// own client in this module's place (./fetchSdk/index.ts: webpack.config.js for the script tag,
// scripts/build.js for dist/esm/client/sdk.js), so no AWS SDK code ships to browsers.
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
