// Stands in for @smithy/core's base64 codec in the script-tag bundle. The AWS SDK client keeps it in its
// config for protocols that send or read blobs; the Participant Service has no blob members and the
// Participant client's protocol (src/client/restJsonProtocol.ts) reads and writes JSON text only.
const unavailable = () => {
  throw new Error('Base64 blobs are not part of this bundle: the Participant Service sends none');
};
export const fromBase64 = unavailable;
export const toBase64 = unavailable;
