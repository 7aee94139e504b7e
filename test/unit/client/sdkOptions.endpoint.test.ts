/**
 * @jest-environment node
 */
// Node environment: the AWS SDK's own endpoint rules are the reference, and they load in Node only.
import { ConnectParticipantClient } from '@aws-sdk/client-connectparticipant';
import { participantEndpoint, regionalParticipantUrl, unsignedAuthSchemeProvider, unsignedAuthSchemes } from '../../../src/client/sdkOptions';

type Params = Parameters<typeof participantEndpoint>[0];

/** The SDK's generated resolver (its rules engine and partition table), as a client resolves it by default. */
const sdkResolver = new ConnectParticipantClient({ region: 'us-east-1' }).config.endpointProvider;

function outcome(resolve: (params: Params) => { url: URL }, params: Params): string {
  try {
    return resolve(params).url.href;
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

const REGIONS = ['us-east-1', 'us-west-2', 'ca-central-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-2', 'af-south-1', 'us-gov-west-1', 'us-gov-east-1', 'cn-north-1', 'cn-northwest-1'];
const FLAGS = [
  { UseFIPS: false, UseDualStack: false },
  { UseFIPS: true, UseDualStack: false },
  { UseFIPS: false, UseDualStack: true },
  { UseFIPS: true, UseDualStack: true },
];

describe('participantEndpoint', () => {
  it.each(REGIONS)('gives the SDK rules’ URL for %s with every FIPS / dual-stack setting', (region) => {
    for (const flags of FLAGS) {
      const params = { Region: region, ...flags };
      expect(`${JSON.stringify(flags)} ${outcome(participantEndpoint, params)}`).toBe(`${JSON.stringify(flags)} ${outcome(sdkResolver, params)}`);
    }
  });

  it('uses an explicit endpoint as it is, path and port included, and refuses it with FIPS or dual-stack like the SDK', () => {
    for (const flags of FLAGS) {
      const params = { Region: 'us-east-1', Endpoint: 'http://127.0.0.1:9100/prefix', ...flags };
      expect(outcome(participantEndpoint, params)).toBe(outcome(sdkResolver, params));
    }
    expect(outcome(participantEndpoint, { Region: 'x', Endpoint: 'http://127.0.0.1:9100/prefix' })).toBe('http://127.0.0.1:9100/prefix');
  });

  it('gives the plain regional URL, without a trailing slash, for config that reports it', () => {
    for (const region of REGIONS) expect(`${regionalParticipantUrl(region)}/`).toBe(outcome(sdkResolver, { Region: region }));
  });

  it('names the missing region', () => {
    expect(outcome(participantEndpoint, {})).toBe(outcome(sdkResolver, {}));
    expect(() => participantEndpoint({})).toThrow(/Missing Region/);
  });
});

describe('unsigned requests', () => {
  it('selects the no-auth scheme, whose signer passes the request through untouched', async () => {
    expect(unsignedAuthSchemeProvider({ operation: 'SendMessage', region: 'us-east-1' })).toEqual([{ schemeId: 'smithy.api#noAuth' }]);
    const [scheme] = unsignedAuthSchemes;
    const request = { method: 'POST', headers: { 'x-amz-bearer': 't' } } as never;
    await expect(scheme.signer.sign(request, {}, {})).resolves.toBe(request);
    const identityProvider = scheme.identityProvider({ getIdentityProvider: () => undefined });
    await expect(identityProvider?.({})).resolves.toEqual({});
  });
});
