// Stands in for the AWS SDK's body-length reader (for the Content-Length header) in the script-tag
// bundle. The Participant client's protocol sends JSON text or no body at all, and every browser the
// bundle targets has TextEncoder; any other body gets a clear error.
export const calculateBodyLength = (body) => {
  if (typeof body !== 'string') throw new Error('Only text bodies are part of this bundle: the Participant client sends JSON text');
  return new TextEncoder().encode(body).byteLength;
};
