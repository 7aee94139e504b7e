// Stands in for the AWS SDK's schema-driven restJson1 protocol (and, through it, @smithy/core's generic
// protocol and serde layers) in the script-tag bundle. The SDK builds it only when a client has no
// `protocol`, and every Participant client this package builds passes its own
// (src/client/restJsonProtocol.ts), which keeps the service's JSON as it came.
export class AwsRestJsonProtocol {
  constructor() {
    throw new Error("The AWS SDK's restJson1 protocol is not part of this bundle: pass protocol");
  }
}
