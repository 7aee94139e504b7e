// AWS SDK client options this package sets on every Participant client: unsigned requests and its own
// endpoint provider. Both replace generic SDK machinery the Participant Service does not need, which saves
// work per call in Node; the browser builds' own client (./fetchSdk/) uses the endpoint provider too.
import type { ConnectParticipantClientConfig } from '@aws-sdk/client-connectparticipant';

type EndpointProvider = NonNullable<ConnectParticipantClientConfig['endpointProvider']>;
type EndpointParameters = Parameters<EndpointProvider>[0];
type AuthSchemes = NonNullable<ConnectParticipantClientConfig['httpAuthSchemes']>;
type AuthSchemeProvider = NonNullable<ConnectParticipantClientConfig['httpAuthSchemeProvider']>;
type SdkLogger = NonNullable<ConnectParticipantClientConfig['logger']>;

const NO_AUTH = 'smithy.api#noAuth';

/**
 * The service authenticates every call by its `X-Amz-Bearer` token and checks no SigV4 signature, so
 * requests go unsigned: no credentials are needed, and no hashing happens per request.
 */
export const unsignedAuthSchemes: AuthSchemes = [
  {
    schemeId: NO_AUTH,
    identityProvider: () => async () => ({}),
    signer: { sign: async (request) => request },
  },
];

export const unsignedAuthSchemeProvider: AuthSchemeProvider = () => [{ schemeId: NO_AUTH }];

/**
 * The SDK client's logger: silent `debug` and `warn`, and deliberately no `info` or `error`. The SDK's
 * logger middleware builds its entry only for a logger that has those, and building it runs the model's
 * sensitive-field filter over every input and output; the client reports failures through its own logger.
 */
export const silentSdkLogger = { debug: () => undefined, warn: () => undefined } as Partial<SdkLogger> as SdkLogger;

export class EndpointConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EndpointConfigurationError';
  }
}

/**
 * The Participant Service URL, as the service's endpoint rules give it for the partitions Amazon Connect
 * runs in (aws, aws-us-gov; aws-cn by its DNS suffix): an explicit endpoint is used as it is, otherwise
 * `https://participant.connect[-fips].{region}.amazonaws.com` (`api.aws` for dual-stack).
 */
export const participantEndpoint: EndpointProvider = (params: EndpointParameters) => {
  if (params.Endpoint) {
    if (params.UseFIPS) throw new EndpointConfigurationError('Invalid Configuration: FIPS and custom endpoint are not supported');
    if (params.UseDualStack) throw new EndpointConfigurationError('Invalid Configuration: Dualstack and custom endpoint are not supported');
    return { url: new URL(params.Endpoint) };
  }
  const region = params.Region;
  if (!region) throw new EndpointConfigurationError('Invalid Configuration: Missing Region');
  return { url: new URL(`https://${hostFor(region, params.UseFIPS === true, params.UseDualStack === true)}`) };
};

/** The service's own URL for `region` (no FIPS, no dual-stack), without a trailing slash. */
export function regionalParticipantUrl(region: string): string {
  return `https://${hostFor(region, false, false)}`;
}

/** The service's dual-stack (IPv4 + IPv6) URL for `region`: `https://participant.connect.{region}.api.aws`. */
export function dualStackParticipantUrl(region: string): string {
  return `https://${hostFor(region, false, true)}`;
}

function hostFor(region: string, fips: boolean, dualStack: boolean): string {
  const china = region.startsWith('cn-');
  const suffix = dualStack ? (china ? 'api.amazonwebservices.com.cn' : 'api.aws') : china ? 'amazonaws.com.cn' : 'amazonaws.com';
  // GovCloud's FIPS endpoint is its ordinary one.
  const service = fips && !(region.startsWith('us-gov-') && !dualStack) ? 'participant.connect-fips' : 'participant.connect';
  return `${service}.${region}.${suffix}`;
}
