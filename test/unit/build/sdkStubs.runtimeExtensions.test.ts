/**
 * @jest-environment node
 */
// The script-tag bundle's stand-in for the Participant client's runtime extensions step
// (scripts/stubs/runtimeExtensions.js) leaves a client config as the SDK's own step does when no
// extension is given, and refuses extensions.
import { ConnectParticipantClient } from '@aws-sdk/client-connectparticipant';
import { getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration } from '@aws-sdk/region-config-resolver';
import { getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig } from '@smithy/core/client';
import { getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig } from '@smithy/core/protocols';
// @ts-expect-error plain ES module without types
import { resolveRuntimeExtensions } from '../../../scripts/stubs/runtimeExtensions.js';
import { unsignedAuthSchemeProvider, unsignedAuthSchemes } from '../../../src/client/sdkOptions';

type Config = Record<string, unknown>;

/** The SDK's step with no extension: each part read from the config and resolved back into it. */
function sdkStep(config: Config): Config {
  const region = resolveAwsRegionExtensionConfiguration(getAwsRegionExtensionConfiguration(config as never));
  const defaults = resolveDefaultRuntimeConfig(getDefaultExtensionConfiguration(config as never));
  const handler = resolveHttpHandlerRuntimeConfig(getHttpHandlerExtensionConfiguration(config as never));
  // The client's auth extension hands back the schemes, the scheme provider and the credentials it read.
  const auth = { httpAuthSchemes: config.httpAuthSchemes, httpAuthSchemeProvider: config.httpAuthSchemeProvider, credentials: config.credentials };
  return Object.assign(config, region, defaults, handler, auth);
}

describe('runtime extensions stand-in', () => {
  it('leaves a Participant client config as the SDK step does without extensions', async () => {
    const client = new ConnectParticipantClient({
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:9000',
      httpAuthSchemes: unsignedAuthSchemes,
      httpAuthSchemeProvider: unsignedAuthSchemeProvider,
    });
    const expected = sdkStep({ ...client.config });
    const actual = resolveRuntimeExtensions({ ...client.config }, []) as Config;
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected)) expect([key, actual[key]]).toEqual([key, expected[key]]);
    await expect((actual.region as () => Promise<string>)()).resolves.toBe('eu-central-1');
  });

  it('tells the request handler the logger, as the SDK step does', () => {
    const logger = { debug: () => undefined };
    const requestHandler = { updateHttpClientConfig: jest.fn() };
    resolveRuntimeExtensions({ logger, requestHandler, defaultSocketTimeout: 5 }, []);
    expect(requestHandler.updateHttpClientConfig.mock.calls).toEqual([
      [Symbol.for('logger'), logger],
      [Symbol.for('@smithy/defaultSocketTimeout'), 5],
    ]);
  });

  it('refuses extensions', () => {
    expect(() => resolveRuntimeExtensions({}, [{ configure: () => undefined }])).toThrow('AWS SDK client extensions are not part of this bundle');
  });
});
