/**
 * @jest-environment node
 */
// The script-tag bundle's stand-in for the AWS SDK's reading of endpoint parameters
// (scripts/stubs/endpointParameters.js) gives the endpoint provider what the SDK's own code gives it.
import { ConnectParticipantClient, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { getEndpointFromInstructions, resolveParams as sdkResolveParams } from '@smithy/core/endpoints';
// @ts-expect-error plain ES module without types
import { bindGetEndpointFromInstructions, resolveParams } from '../../../scripts/stubs/endpointParameters.js';

type Fn = (...args: unknown[]) => Promise<unknown>;
const supplier = { getEndpointParameterInstructions: () => SendMessageCommand.getEndpointParameterInstructions() };

describe('endpoint parameters stand-in', () => {
  it.each([
    ['a region', { region: 'eu-west-2' }],
    ['dual-stack', { region: 'us-east-1', useDualstackEndpoint: true }],
    ['an endpoint override', { region: 'us-west-2', endpoint: 'http://127.0.0.1:9000/base' }],
  ])('reads the parameters as the SDK does for %s', async (_, options) => {
    const config = new ConnectParticipantClient(options).config;
    const expected = await sdkResolveParams({}, supplier, config as never);
    expect(await (resolveParams as Fn)({}, supplier, config)).toEqual(expected);
    expect(expected).toHaveProperty('Region', options.region);
  });

  it('asks the configured endpoint provider with those parameters', async () => {
    const config = { ...new ConnectParticipantClient({ region: 'us-west-2', endpoint: 'https://example.test/x' }).config };
    const viaSdk = await getEndpointFromInstructions({}, supplier, { ...config } as never);
    const viaStandIn = await (bindGetEndpointFromInstructions() as Fn)({}, supplier, { ...config });
    expect(JSON.stringify(viaStandIn)).toBe(JSON.stringify(viaSdk));
  });

  it('refuses any parameter that is not a client setting', async () => {
    const contextParam = { getEndpointParameterInstructions: () => ({ Bucket: { type: 'contextParams', name: 'Bucket' } }) };
    await expect((resolveParams as Fn)({}, contextParam, {})).rejects.toThrow('Endpoint parameter Bucket (contextParams) is not part of this bundle');
    await expect((resolveParams as Fn)({}, {}, {})).rejects.toThrow('Endpoint parameters from the whole client config are not part of this bundle');
  });
});
