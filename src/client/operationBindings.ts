// The HTTP binding of each Participant Service operation (restJson1, as the service model declares it):
// method, path, the member sent as the `X-Amz-Bearer` header, the path label, the idempotency token and
// the JSON body members in model order. A small table instead of the AWS SDK's generated schemas keeps
// the schema machinery out of the script-tag bundle; test/unit/client/operationBindings.test.ts checks
// it against the schemas of the SDK version installed, so a model change fails a test, not the wire.

/** A body member: a name, or a structure's name with its own members in model order. */
export type BodyMember = string | readonly [name: string, members: readonly string[]];

export interface OperationBinding {
  method: 'GET' | 'POST';
  /** Path template; `{Name}` is the path label `Name`. */
  path: string;
  /** The member sent as the X-Amz-Bearer header (the token the service authenticates the call by). */
  bearer: string;
  /** The member filled with a fresh UUID when the caller leaves it out. */
  idempotencyToken?: string;
  body: readonly BodyMember[];
}

const post = (path: string, bearer: string, body: readonly BodyMember[], idempotencyToken?: string): OperationBinding => ({
  method: 'POST',
  path: `/participant/${path}`,
  bearer,
  body,
  ...(idempotencyToken ? { idempotencyToken } : {}),
});

export const OPERATION_BINDINGS: Readonly<Record<string, OperationBinding>> = {
  CancelParticipantAuthentication: post('cancel-authentication', 'ConnectionToken', ['SessionId']),
  CompleteAttachmentUpload: post('complete-attachment-upload', 'ConnectionToken', ['AttachmentIds', 'ClientToken'], 'ClientToken'),
  CreateParticipantConnection: post('connection', 'ParticipantToken', ['Type', 'ConnectParticipant']),
  DescribeView: { method: 'GET', path: '/participant/views/{ViewToken}', bearer: 'ConnectionToken', body: [] },
  DisconnectParticipant: post('disconnect', 'ConnectionToken', ['ClientToken'], 'ClientToken'),
  GetAttachment: post('attachment', 'ConnectionToken', ['AttachmentId', 'UrlExpiryInSeconds']),
  GetAuthenticationUrl: post('authentication-url', 'ConnectionToken', ['SessionId', 'RedirectUri']),
  GetTranscript: post('transcript', 'ConnectionToken', [
    'ContactId',
    'MaxResults',
    'NextToken',
    'ScanDirection',
    'SortOrder',
    ['StartPosition', ['Id', 'AbsoluteTime', 'MostRecent']],
  ]),
  SendEvent: post('event', 'ConnectionToken', ['ContentType', 'Content', 'ClientToken'], 'ClientToken'),
  SendMessage: post('message', 'ConnectionToken', ['ContentType', 'Content', 'ClientToken'], 'ClientToken'),
  StartAttachmentUpload: post(
    'start-attachment-upload',
    'ConnectionToken',
    ['ContentType', 'AttachmentSizeInBytes', 'AttachmentName', 'ClientToken'],
    'ClientToken',
  ),
};
