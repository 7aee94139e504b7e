/**
 * @jest-environment node
 */
// The script-tag bundle's stand-ins for AWS SDK modules (scripts/stubs/, listed in webpack.config.js):
// the ones that run do what the SDK module did for the Participant client's configuration, and every
// other use fails with a clear error. The end-to-end tests run them inside the built bundle.
// @ts-expect-error plain ES module without types
import * as bodyLength from '../../../scripts/stubs/bodyLength.js';
// @ts-expect-error plain ES module without types
import * as defaultsMode from '../../../scripts/stubs/defaultsMode.js';
// @ts-expect-error plain ES module without types
import * as httpRequest from '../../../scripts/stubs/httpRequest.js';
// @ts-expect-error plain ES module without types
import * as noAuthPlugins from '../../../scripts/stubs/noAuthPlugins.js';
// @ts-expect-error plain ES module without types
import * as normalizedSchema from '../../../scripts/stubs/normalizedSchema.js';
// @ts-expect-error plain ES module without types
import * as operationSchemas from '../../../scripts/stubs/operationSchemas.js';
// @ts-expect-error plain ES module without types
import * as retryAfterDate from '../../../scripts/stubs/retryAfterDate.js';
// @ts-expect-error plain ES module without types
import * as sdkLogger from '../../../scripts/stubs/sdkLogger.js';
// @ts-expect-error plain ES module without types
import * as serviceExceptions from '../../../scripts/stubs/serviceExceptions.js';
// @ts-expect-error plain ES module without types
import * as sigV4Config from '../../../scripts/stubs/sigV4Config.js';
// @ts-expect-error plain ES module without types
import * as uuid from '../../../scripts/stubs/uuid.js';
// @ts-expect-error plain ES module without types
import * as userAgentConfig from '../../../scripts/stubs/userAgentConfig.js';
// @ts-expect-error plain ES module without types
import * as userAgentFeatures from '../../../scripts/stubs/userAgentFeatures.js';
import * as sdk from '@aws-sdk/client-connectparticipant';
import { HttpRequest as SdkHttpRequest } from '@smithy/protocol-http';
import { resolveUserAgentConfig as sdkResolveUserAgentConfig } from '@aws-sdk/core/client';
import { sdkClientConfig } from '../../../src/client/participantClient';
import { ParticipantHttpRequest } from '../../../src/client/restJsonRequest';
import { OPERATION_BINDINGS } from '../../../src/client/operationBindings';
import { silentSdkLogger, unsignedAuthSchemes } from '../../../src/client/sdkOptions';

type Fn = (...args: unknown[]) => unknown;

describe('operation schemas', () => {
  const schemas = operationSchemas as Record<string, unknown[]>;

  it('name every operation the client binds, marked as having no event stream', () => {
    for (const name of Object.keys(OPERATION_BINDINGS)) {
      const schema = schemas[`${name}$`] as unknown[] & Record<symbol, unknown>;
      expect(schema.slice(0, 3)).toEqual([9, 'com.amazonaws.connectparticipant', name]);
      expect(schema[Symbol.for('@smithy/op-event-stream')]).toBe(false);
    }
  });

  it('throw on any read of a member schema or the error registry', () => {
    const input = schemas.SendMessage$?.[4] as Record<string, unknown>;
    expect(() => input.anything).toThrow('The SendMessage input schema is not part of this bundle');
    expect(() => (schemas.errorTypeRegistries as unknown as unknown[])[0]).toThrow('not part of this bundle');
  });

  it('leave the schema reader and the log filter unusable', () => {
    const { NormalizedSchema, schemaLogFilter } = normalizedSchema as { NormalizedSchema: { of: Fn }; schemaLogFilter: Fn };
    expect(() => NormalizedSchema.of([])).toThrow("The SDK's schema reader is not part of this bundle");
    expect(() => schemaLogFilter([], {})).toThrow('not part of this bundle');
  });
});

describe('Retry-After date', () => {
  const parse = (retryAfterDate as { parseRfc7231DateTime: Fn }).parseRfc7231DateTime;

  it('reads an IMF-fixdate, fractions included', () => {
    expect(parse('Sun, 06 Nov 1994 08:49:37 GMT')).toEqual(new Date(Date.UTC(1994, 10, 6, 8, 49, 37)));
    expect(parse('Tue, 29 Feb 2028 23:59:60.25 GMT')).toEqual(new Date(Date.UTC(2028, 1, 29, 23, 59, 60, 250)));
    expect(parse(undefined)).toBeUndefined();
  });

  it('refuses impossible dates and the obsolete forms', () => {
    for (const value of ['Wed, 29 Feb 2027 08:49:37 GMT', 'Sun, 06 Nov 1994 24:00:00 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT']) {
      expect(() => parse(value)).toThrow(TypeError);
    }
    expect(() => (retryAfterDate as { parseRfc3339DateTime: Fn }).parseRfc3339DateTime('x')).toThrow('parseRfc3339DateTime is not part of this bundle');
  });
});

describe('user-agent features', () => {
  const check = (userAgentFeatures as { checkFeatures: Fn }).checkFeatures;

  it('records the retry mode as the SDK does', async () => {
    const context: Record<string, unknown> = {};
    await check(context, { retryStrategy: async () => ({ mode: 'standard' }) }, { request: { headers: {} } });
    expect(context).toEqual({ __aws_sdk_context: { features: { RETRY_MODE_STANDARD: 'E' } } });
    const none: Record<string, unknown> = {};
    await check(none, {}, {});
    expect(none).toEqual({});
  });

  it('refuses a call that would show another feature', async () => {
    const credentials = { __smithy_context: { selectedHttpAuthScheme: { identity: { $source: {} } } } };
    await expect(check(credentials, {}, {})).rejects.toThrow('not part of this bundle');
    await expect(check({}, {}, { request: { headers: { 'smithy-protocol': 'rpc-v2-cbor' } } })).rejects.toThrow('not part of this bundle');
  });
});

describe('configuration stand-ins', () => {
  it('measures JSON text in UTF-8 bytes and refuses any other body', () => {
    const length = (bodyLength as { calculateBodyLength: Fn }).calculateBodyLength;
    expect(length('{"a":"é€😀"}')).toBe(17);
    expect(() => length(new Uint8Array(2))).toThrow('Only text bodies are part of this bundle');
  });

  it("gives the SDK the client's own UUID v4 generator for invocation ids", () => {
    const next = ((uuid as { bindV4: Fn }).bindV4(() => undefined) as () => string);
    const ids = [next(), next()];
    ids.forEach((id) => expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/));
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('resolves the legacy defaults mode and refuses a chosen one', async () => {
    const resolve = (defaultsMode as { resolveDefaultsModeConfig: Fn }).resolveDefaultsModeConfig;
    await expect((resolve({}) as () => Promise<string>)()).resolves.toBe('legacy');
    expect(() => resolve({ defaultsMode: 'auto' })).toThrow('defaultsMode is not supported by this bundle');
  });

  it('leaves the logger middleware off for the client SDK logger only', () => {
    const { getLoggerPlugin } = sdkLogger as { getLoggerPlugin: Fn };
    const stack = { add: jest.fn() };
    (getLoggerPlugin({ logger: silentSdkLogger }) as { applyToStack: Fn }).applyToStack(stack);
    expect(stack.add).not.toHaveBeenCalled();
    expect(() => getLoggerPlugin({ logger: console })).toThrow("The AWS SDK's logger middleware is not part of this bundle");
  });

  it('resolves SigV4 settings as the SDK does, with credentials and signer that refuse', async () => {
    const resolve = (sigV4Config as { bindResolveAwsSdkSigV4Config: (d: boolean) => Fn }).bindResolveAwsSdkSigV4Config(false);
    const config = resolve({ systemClockOffset: 5 }) as Record<string, () => Promise<unknown>>;
    expect(config).toMatchObject({ systemClockOffset: 5, signingEscapePath: true });
    await expect(config.disableClockSkewCorrection?.()).resolves.toBe(false);
    await expect(config.credentials?.()).rejects.toThrow('Participant Service requests are unsigned');
    await expect(config.signer?.()).rejects.toThrow('Participant Service requests are unsigned');
  });

  it("leaves auth-scheme selection and signing off for the client's unsigned scheme only", () => {
    const plugins = noAuthPlugins as { getHttpAuthSchemeEndpointRuleSetPlugin: Fn; getHttpSigningPlugin: Fn };
    const stack = { add: jest.fn(), addRelativeTo: jest.fn() };
    (plugins.getHttpAuthSchemeEndpointRuleSetPlugin({ httpAuthSchemes: unsignedAuthSchemes }) as { applyToStack: Fn }).applyToStack(stack);
    expect(stack.add).not.toHaveBeenCalled();
    expect(stack.addRelativeTo).not.toHaveBeenCalled();
    // Signing stays as a pass-through under the SDK's names: other middlewares are placed next to them.
    (plugins.getHttpSigningPlugin({ httpAuthSchemes: unsignedAuthSchemes }) as { applyToStack: Fn }).applyToStack(stack);
    const [middleware, options] = stack.addRelativeTo.mock.calls[0] as [(next: unknown) => unknown, Record<string, unknown>];
    const next = (): undefined => undefined;
    expect(middleware(next)).toBe(next);
    expect(options).toMatchObject({ name: 'httpSigningMiddleware', aliases: expect.arrayContaining(['awsAuthMiddleware']), relation: 'after', toMiddleware: 'retryMiddleware' });
    const sigV4 = [{ schemeId: 'aws.auth#sigv4' }];
    expect(() => plugins.getHttpAuthSchemeEndpointRuleSetPlugin({ httpAuthSchemes: sigV4 })).toThrow('supports only the smithy.api#noAuth auth scheme');
    expect(() => plugins.getHttpAuthSchemeEndpointRuleSetPlugin({})).toThrow('supports only the smithy.api#noAuth auth scheme');
  });
});

describe('service exceptions', () => {
  const standIn = serviceExceptions as Record<string, new (options: Record<string, unknown>) => Error>;
  const real = sdk as unknown as Record<string, new (options: Record<string, unknown>) => Error>;
  const $metadata = { httpStatusCode: 404, requestId: 'r-1' };
  // Compared with the SDK's CommonJS build (what jest loads): the same fields and values. The order of
  // own keys differs between the SDK's own builds (class fields or not), so it is not compared.
  const shape = (error: Error) => ({
    fields: { ...error },
    message: error.message,
    name: error.name,
    className: error.constructor.name,
  });

  it.each(['AccessDeniedException', 'ConflictException', 'InternalServerException', 'ResourceNotFoundException', 'ServiceQuotaExceededException', 'ThrottlingException', 'ValidationException'])(
    '%s has the fields of the SDK class',
    (name) => {
      const options = { $metadata, message: 'm', Message: undefined };
      const made = new (standIn[name] as new (o: Record<string, unknown>) => Error)(options);
      expect(shape(made)).toEqual(shape(new (real[name] as new (o: Record<string, unknown>) => Error)(options)));
      expect(made).toBeInstanceOf(standIn.ConnectParticipantServiceException);
      expect(made).toBeInstanceOf(standIn.ServiceException);
    },
  );

  it('the base exception takes any name and fault, as the SDK one does', () => {
    const options = { name: 'TeapotException', $fault: 'client', $metadata, message: 'tea' };
    const made = new (standIn.ConnectParticipantServiceException as new (o: Record<string, unknown>) => Error)(options);
    expect(shape(made)).toEqual(shape(new (real.ConnectParticipantServiceException as new (o: Record<string, unknown>) => Error)(options)));
  });

  it("refuses the SDK protocols' decoration helper", () => {
    expect(() => (serviceExceptions as { decorateServiceException: Fn }).decorateServiceException(new Error('x'))).toThrow('not part of this bundle');
  });
});

describe('HttpRequest', () => {
  const StandIn = (httpRequest as { HttpRequest: { isInstance: Fn; clone: Fn } & (new () => unknown) }).HttpRequest;

  it('tells a request from anything else as the SDK does', () => {
    const values = [new ParticipantHttpRequest(), new SdkHttpRequest({}), { method: 'GET', protocol: 'https:', hostname: 'h', path: '/', query: {}, headers: {} }, { method: 'GET', hostname: 'h', path: '/', query: {}, headers: {} }, { statusCode: 200, headers: {} }, null, undefined, 0];
    const answers = values.map((value) => StandIn.isInstance(value));
    expect(answers).toEqual(values.map((value) => SdkHttpRequest.isInstance(value)));
    expect(answers.slice(0, 3)).toEqual([true, true, true]);
  });

  it('refuses to make or clone a request', () => {
    expect(() => new StandIn()).toThrow("The AWS SDK's HttpRequest class is not part of this bundle");
    expect(() => StandIn.clone(new ParticipantHttpRequest())).toThrow('not part of this bundle');
  });
});

describe('user-agent settings', () => {
  const resolve = (userAgentConfig as { resolveUserAgentConfig: Fn }).resolveUserAgentConfig;
  const settled = async (resolved: Record<string, unknown>) => ({ sections: resolved.customUserAgent, appId: await (resolved.userAgentAppId as () => Promise<unknown>)() });

  it("resolve the client's own sections and no app id as the SDK does", async () => {
    for (const customUserAgentSuffix of [undefined, 'MyWidget/2.0']) {
      const input = () => ({ ...sdkClientConfig({ region: 'us-east-1', customUserAgentSuffix }) }) as Record<string, unknown>;
      const expected = await settled(sdkResolveUserAgentConfig(input() as never) as unknown as Record<string, unknown>);
      expect(await settled(resolve(input()) as Record<string, unknown>)).toEqual(expected);
    }
    expect(await settled(resolve({ customUserAgent: 'a/1' }) as Record<string, unknown>)).toEqual({ sections: [['a/1']], appId: undefined });
  });

  it('refuse an app id', () => {
    expect(() => resolve({ userAgentAppId: 'app' })).toThrow('userAgentAppId is not part of this bundle');
  });
});
