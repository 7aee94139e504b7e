/**
 * @jest-environment node
 */
// The script-tag bundle's stand-in for @smithy/core's schema serde plugin (scripts/stubs/schemaSerde.js):
// with the Participant client's protocol, the same request, answer and marked failures as the SDK's
// plugin, including the hint and `$metadata` for a body that is not JSON (a proxy's HTML page).
import { getSchemaSerdePlugin as sdkPlugin } from '@smithy/core/schema';
import { toUtf8 } from '@smithy/util-utf8';
// @ts-expect-error plain ES module without types
import { getSchemaSerdePlugin as standInPlugin } from '../../../scripts/stubs/schemaSerde.js';
// @ts-expect-error plain ES module without types
import { SendMessage$ } from '../../../scripts/stubs/operationSchemas.js';
import { ParticipantRestJsonProtocol } from '../../../src/client/restJsonProtocol';

type Mw = (next: (args: Record<string, unknown>) => Promise<unknown>, context: Record<string, unknown>) => (args: Record<string, unknown>) => Promise<unknown>;
type Plugin = (config: unknown) => { applyToStack: (stack: { add: (mw: Mw, options: { step: string }) => void }) => void };

const answer = (statusCode: number, body: string, headers: Record<string, string> = {}) => ({ statusCode, headers, body: new TextEncoder().encode(body) });

async function run(plugin: Plugin, response: ReturnType<typeof answer>) {
  const added: Record<string, Mw> = {};
  const config = {
    protocol: new ParticipantRestJsonProtocol(),
    endpoint: async () => ({ protocol: 'https:', hostname: 'example.test', path: '/', query: {} }),
    streamCollector: async () => new Uint8Array(),
    utf8Encoder: toUtf8,
  };
  plugin(config).applyToStack({ add: (mw, options) => (added[options.step] = mw) });
  const context = { __smithy_context: { operationSchema: SendMessage$ }, logger: { warn: () => undefined } };
  let sent: unknown;
  const serialized = (await (added.serialize as Mw)(async (args) => (sent = args.request), context)({ input: { ConnectionToken: 'ct', Content: 'x', ContentType: 'text/plain', ClientToken: 't' } })) as Record<string, unknown>;
  const outcome = await (added.deserialize as Mw)(async () => ({ response }), context)({}).then(
    (value) => ({ value }),
    (error: Error & { $metadata?: unknown; $response?: unknown }) => ({ name: error.name, message: error.message, metadata: error.$metadata, hasResponse: error.$response === response }),
  );
  return { sent: serialized ?? sent, outcome };
}

describe('schema serde stand-in', () => {
  it.each([
    ['an answer', answer(200, '{"Id":"m-1"}', { 'x-amzn-requestid': 'r-1' })],
    ['a service error', answer(403, '{"message":"no"}', { 'x-amzn-errortype': 'AccessDeniedException', 'x-amzn-requestid': 'r-2' })],
    ['a body that is not JSON', answer(502, '<html>Bad gateway</html>', { 'x-amzn-requestid': 'r-3', 'x-amz-cf-id': 'cf' })],
  ])('%s: as the SDK plugin', async (_label, response) => {
    const expected = await run(sdkPlugin as unknown as Plugin, response);
    expect(await run(standInPlugin as Plugin, response)).toEqual(expected);
  });

  it('marks a non-JSON body as the SDK does (hint, $metadata from the headers)', async () => {
    const { outcome } = await run(standInPlugin as Plugin, answer(502, '<html>', { 'x-amzn-requestid': 'r-3' }));
    expect(outcome).toMatchObject({ name: 'SyntaxError', message: expect.stringContaining('inspect the hidden field {error}.$response'), metadata: { httpStatusCode: 502, requestId: 'r-3' }, hasResponse: true });
  });
});
