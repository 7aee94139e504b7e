// Stands in for @smithy/signature-v4 (and the SHA-256 it signs with) in the script-tag bundle. The
// Participant client sends unsigned requests (src/client/sdkOptions.ts: the service authenticates by the
// X-Amz-Bearer token), so the SDK never constructs a signer or a hash.
class NotBundled {
  constructor() {
    throw new Error('SigV4 signing is not part of this bundle: Participant Service requests are unsigned');
  }
}
export const SignatureV4 = NotBundled;
export const Sha256 = NotBundled;
