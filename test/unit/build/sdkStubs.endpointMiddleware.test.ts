/**
 * @jest-environment node
 */
// The script-tag bundle's stand-in for @smithy/core's endpoint middleware (scripts/stubs/endpointMiddleware.js):
// with the Participant client's resolved configuration, the same endpoint and user-agent feature in the
// handler context as the SDK's middleware, for a custom endpoint and for the regional one.
import { ConnectParticipantClient, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { endpointMiddleware as sdkEndpointMiddleware } from '@smithy/core/endpoints';
// @ts-expect-error plain ES module without types
import { bindEndpointMiddleware } from '../../../scripts/stubs/endpointMiddleware.js';
import { sdkClientConfig } from '../../../src/client/participantClient';

type Middleware = (options: { config: unknown; instructions: unknown }) => (next: (args: unknown) => Promise<unknown>, context: Record<string, unknown>) => (args: unknown) => Promise<unknown>;

async function contextAfter(middleware: Middleware, settings: { region: string; endpoint?: string }) {
  const client = new ConnectParticipantClient(sdkClientConfig(settings));
  const context: Record<string, unknown> = {};
  const instructions = SendMessageCommand.getEndpointParameterInstructions();
  await middleware({ config: client.config, instructions })(async () => ({ output: {} }), context)({ input: { ConnectionToken: 'ct' } });
  const endpoint = context.endpointV2 as { url: URL };
  return { url: endpoint.url.href, features: (context.__smithy_context as { features?: unknown } | undefined)?.features, authSchemes: context.authSchemes };
}

describe('endpoint middleware stand-in', () => {
  it.each([
    ['a custom endpoint', { region: 'us-east-1', endpoint: 'http://127.0.0.1:9100' }],
    ['the regional endpoint', { region: 'eu-west-2' }],
    ['a FIPS region name', { region: 'fips-us-gov-west-1' }],
  ])('%s: as the SDK middleware', async (_label, settings) => {
    const expected = await contextAfter(sdkEndpointMiddleware as unknown as Middleware, settings);
    expect(await contextAfter(bindEndpointMiddleware() as Middleware, settings)).toEqual(expected);
  });

  it('refuses an endpoint that names auth schemes', async () => {
    const config = { endpointProvider: () => ({ url: new URL('https://x.test'), properties: { authSchemes: [{ name: 'sigv4' }] } }), region: async () => 'us-east-1' };
    const instructions = { Region: { type: 'builtInParams', name: 'region' } };
    await expect((bindEndpointMiddleware() as Middleware)({ config, instructions })(async () => ({}), {})({ input: {} })).rejects.toThrow('Endpoint auth schemes are not part of this bundle');
  });
});
