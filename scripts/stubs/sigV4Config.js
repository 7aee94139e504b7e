// Stands in for the AWS SDK's SigV4 config resolver (credential provider chain, signer factory) in the
// script-tag bundle. The Participant client's only auth scheme is noAuth (src/client/sdkOptions.ts: the
// service authenticates by the X-Amz-Bearer token), so the SDK never asks for credentials or a signer;
// if anything did, it gets a clear error. The plain settings keep the values the real resolver gives them.
const unsigned = async () => {
  throw new Error('SigV4 credentials and signers are not part of this bundle: Participant Service requests are unsigned');
};

const provider = (value) => (typeof value === 'function' ? value : async () => value);

export const bindResolveAwsSdkSigV4Config = (defaultDisableClockSkewCorrection) => (config) =>
  Object.assign(config, {
    credentials: unsigned,
    signer: unsigned,
    systemClockOffset: config.systemClockOffset || 0,
    signingEscapePath: config.signingEscapePath ?? true,
    disableClockSkewCorrection: provider(config.disableClockSkewCorrection ?? defaultDisableClockSkewCorrection),
  });
