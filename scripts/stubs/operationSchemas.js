// Stands in for the Participant client's generated schemas (and, through them, @smithy/core's schema
// registry) in the script-tag bundle. The Participant client's protocol (src/client/restJsonProtocol.ts)
// binds requests from its own table by operation name and never reads a schema, so each command's
// operation schema here carries only what the SDK itself reads from it: the kind (9, operation), the
// namespace and the name, plus the SDK's own "no event stream" mark so it never inspects the members.
// The member schemas are never to be read: any read throws.
const namespace = 'com.amazonaws.connectparticipant';
const eventStreamMark = Symbol.for('@smithy/op-event-stream');

const notBundled = (what) =>
  new Proxy(
    {},
    {
      get() {
        throw new Error(`${what} is not part of this bundle: the Participant client binds requests by operation name`);
      },
    },
  );

const operation = (name) => {
  const schema = [9, namespace, name, 0, notBundled(`The ${name} input schema`), notBundled(`The ${name} output schema`)];
  schema[eventStreamMark] = false;
  return schema;
};

export const CancelParticipantAuthentication$ = operation('CancelParticipantAuthentication');
export const CompleteAttachmentUpload$ = operation('CompleteAttachmentUpload');
export const CreateParticipantConnection$ = operation('CreateParticipantConnection');
export const DescribeView$ = operation('DescribeView');
export const DisconnectParticipant$ = operation('DisconnectParticipant');
export const GetAttachment$ = operation('GetAttachment');
export const GetAuthenticationUrl$ = operation('GetAuthenticationUrl');
export const GetTranscript$ = operation('GetTranscript');
export const SendEvent$ = operation('SendEvent');
export const SendMessage$ = operation('SendMessage');
export const StartAttachmentUpload$ = operation('StartAttachmentUpload');
// Read only by the SDK's own restJson1 protocol, which is not bundled either (restJsonProtocol.js).
export const errorTypeRegistries = notBundled("The SDK's error type registry");
