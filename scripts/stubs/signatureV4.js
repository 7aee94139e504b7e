// Stands in for @smithy/signature-v4 (with the SHA-256 it signs with, and the AWS SDK's signer around it)
// in the script-tag bundle. The Participant client sends unsigned requests (src/client/sdkOptions.ts: the
// service authenticates by the X-Amz-Bearer token), so the SDK never constructs a signer or a hash.
class NotBundled {
  constructor() {
    throw new Error('SigV4 signing is not part of this bundle: Participant Service requests are unsigned');
  }
}
export const SignatureV4 = NotBundled;
export const Sha256 = NotBundled;
export const AwsSdkSigV4Signer = NotBundled;
export const AWSSDKSigV4Signer = NotBundled;
export const validateSigningProperties = async () => {
  throw new Error('SigV4 signing is not part of this bundle: Participant Service requests are unsigned');
};
