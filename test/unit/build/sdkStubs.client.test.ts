/**
 * @jest-environment node
 */
// The script-tag bundle's stand-in for @smithy/core's Client base class (scripts/stubs/client.js): a
// command sent without options settles with its output, resolved against the client's stack and config,
// as with the SDK's class; destroy() releases the request handler; every other use is refused.
import { Client as SdkClient } from '@smithy/smithy-client';
// @ts-expect-error plain ES module without types
import { Client as StandInClient } from '../../../scripts/stubs/client.js';

type AnyClient = { send: (command: unknown, ...rest: unknown[]) => Promise<unknown>; destroy: () => void; middlewareStack: unknown; config: unknown };
type ClientClass = new (config: Record<string, unknown>) => AnyClient;

async function exchange(Client: ClientClass) {
  const destroyed = jest.fn();
  const config = { protocol: {}, protocolSettings: {}, requestHandler: { destroy: destroyed } };
  const client = new Client(config);
  const seen: unknown[] = [];
  const command = {
    resolveMiddleware: (stack: unknown, resolvedConfig: unknown, options: unknown) => {
      seen.push([stack === client.middlewareStack, resolvedConfig === config, options]);
      return async (sent: unknown) => ({ output: { Id: 'm-1', same: sent === command }, response: {} });
    },
  };
  const output = await client.send(command);
  client.destroy();
  return { output, seen, destroyed: destroyed.mock.calls.length };
}

describe('client stand-in', () => {
  it('sends a command and releases the handler as the SDK client does', async () => {
    const expected = await exchange(SdkClient as unknown as ClientClass);
    expect(expected).toEqual({ output: { Id: 'm-1', same: true }, seen: [[true, true, undefined]], destroyed: 1 });
    expect(await exchange(StandInClient as ClientClass)).toEqual(expected);
  });

  it('refuses per-call options, callbacks, the middleware cache and a protocol class', () => {
    const client = new (StandInClient as ClientClass)({ protocol: {} }) as AnyClient;
    expect(() => client.send({}, {})).toThrow("send() with options or a callback is not part of this bundle's AWS SDK client");
    expect(() => client.send({}, () => undefined)).toThrow('send() with options or a callback');
    expect(() => new (StandInClient as ClientClass)({ protocol: {}, cacheMiddleware: true }).send({})).toThrow('The middleware cache');
    expect(() => new (StandInClient as ClientClass)({ protocol: class {} })).toThrow('A protocol class');
  });
});
