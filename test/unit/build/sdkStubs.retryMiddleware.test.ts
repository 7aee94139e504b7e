/**
 * @jest-environment node
 */
// The script-tag bundle's stand-ins for the AWS SDK's retry middleware (scripts/stubs/retryMiddleware.js)
// and retry settings (scripts/stubs/retryConfig.js): with the Participant client's retry strategy, the same
// attempts, request headers (the SDK's retry middleware writes two that its omit-retry-headers middleware
// deletes before sending), error kinds and hints given to the strategy, `$metadata` and final errors as
// the SDK's middlewares, for answers and failures alike.
import { omitRetryHeadersMiddleware as sdkOmitRetryHeaders, resolveRetryConfig as sdkResolveRetryConfig, retryMiddleware as sdkRetryMiddleware } from '@smithy/core/retry';
import { HttpRequest } from '@smithy/protocol-http';
// @ts-expect-error plain ES module without types
import { bindRetryMiddleware, getOmitRetryHeadersPlugin } from '../../../scripts/stubs/retryMiddleware.js';
// @ts-expect-error plain ES module without types
import { resolveRetryConfig } from '../../../scripts/stubs/retryConfig.js';
import { ParticipantRetryStrategy } from '../../../src/client/retryStrategy';

type Outcome = { output: Record<string, unknown> } | { thrown: unknown };
type Middleware = (options: unknown) => (next: (args: unknown) => Promise<unknown>, context: Record<string, unknown>) => (args: unknown) => Promise<unknown>;

const failure = (status: number, name: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, $response: { statusCode: status, headers } });

type Omit = (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>;

/**
 * Runs one call through the retry middleware, then `omit` (as the SDK orders them: the omit-retry-headers
 * middleware sits between retries and sending), with answers in turn; what every attempt and the strategy saw.
 */
async function run(middleware: Middleware, omit: Omit, outcomes: Outcome[]) {
  const strategy = new ParticipantRetryStrategy({ baseDelayMs: 0, throttlingBaseDelayMs: 0 });
  const infos: unknown[] = [];
  const refresh = strategy.refreshRetryTokenForRetry.bind(strategy);
  strategy.refreshRetryTokenForRetry = (token, info) => {
    infos.push({ errorType: info.errorType, hinted: info.retryAfterHint instanceof Date });
    return refresh(token, info);
  };
  const request = new HttpRequest({ method: 'POST', hostname: 'h', path: '/p', headers: {}, body: '{}' });
  const attempts: Array<Record<string, string>> = [];
  const next = async (): Promise<unknown> => {
    attempts.push({ ...request.headers });
    const outcome = outcomes[attempts.length - 1] as Outcome;
    if ('thrown' in outcome) throw outcome.thrown;
    return { response: {}, output: { ...outcome.output, $metadata: {} } };
  };
  const options = { retryStrategy: async () => strategy, maxAttempts: async () => strategy.maxAttempts };
  const handler = middleware(options)(omit(next), {});
  const result = await handler({ request, input: {} }).then((value) => ({ value }), (error: unknown) => ({ error, metadata: (error as { $metadata?: unknown }).$metadata, message: (error as Error).message }));
  return { result, infos, attempts, quota: strategy.quota };
}

describe('retry middleware stand-in', () => {
  it.each<[string, Outcome[]]>([
    ['a first answer', [{ output: { Id: 'm' } }]],
    ['503, then 429 with Retry-After, then an answer', [{ thrown: failure(503, 'ServiceUnavailable') }, { thrown: failure(429, 'ThrottlingException', { 'Retry-After': '0' }) }, { output: { Id: 'm' } }]],
    ['a network failure three times (attempts run out)', [{ thrown: new TypeError('Failed to fetch') }, { thrown: new TypeError('Failed to fetch') }, { thrown: new TypeError('Failed to fetch') }]],
    ['a 400 (no retry)', [{ thrown: failure(400, 'ValidationException') }]],
    ['a 501 (a server error the SDK does not retry)', [{ thrown: failure(501, 'NotImplemented') }]],
    ['a thrown string', [{ thrown: 'boom' }]],
  ])('%s: as the SDK middleware', async (_label, outcomes) => {
    const expected = await run(sdkRetryMiddleware as unknown as Middleware, sdkOmitRetryHeaders() as unknown as Omit, outcomes);
    expect(expected.attempts.length).toBeGreaterThan(0);
    let standInOmit: Omit | undefined;
    (getOmitRetryHeadersPlugin() as { applyToStack: (stack: unknown) => void }).applyToStack({ addRelativeTo: (mw: Omit) => (standInOmit = mw), add: (mw: Omit) => (standInOmit = mw) });
    expect(await run(bindRetryMiddleware() as Middleware, standInOmit ?? ((next) => next), outcomes)).toEqual(expected);
  });

  it('refuses an abort signal, a streamed body and a strategy without retry tokens', async () => {
    const middleware = (bindRetryMiddleware() as Middleware);
    const strategy = new ParticipantRetryStrategy();
    const options = { retryStrategy: async () => strategy, maxAttempts: async () => 3 };
    const next = async () => ({ response: {}, output: { $metadata: {} } });
    const request = new HttpRequest({ method: 'POST', hostname: 'h', path: '/p', headers: {}, body: '{}' });
    await expect(middleware(options)(next, { __smithy_context: { abortSignal: {} } })({ request })).rejects.toThrow('An abort signal is not part of this bundle');
    await expect(middleware(options)(next, {})({ request: new HttpRequest({ ...request, body: new Uint8Array(1) }) })).rejects.toThrow('not text');
    await expect(middleware({ ...options, retryStrategy: async () => ({ retry: jest.fn() }) })(next, {})({ request })).rejects.toThrow('without retry tokens');
  });
});

describe('retry settings stand-in', () => {
  it("resolves the client's strategy and attempts as the SDK does", async () => {
    const resolveBoth = async (resolve: (input: Record<string, unknown>) => Record<string, () => Promise<unknown>>) => {
      const strategy = new ParticipantRetryStrategy({ maxAttempts: 2 });
      const resolved = resolve({ retryStrategy: strategy, maxAttempts: strategy.maxAttempts });
      return { maxAttempts: await resolved.maxAttempts?.(), sameStrategy: (await resolved.retryStrategy?.()) === strategy, oncePromise: resolved.retryStrategy?.() === resolved.retryStrategy?.() };
    };
    const expected = await resolveBoth(sdkResolveRetryConfig as unknown as (input: Record<string, unknown>) => Record<string, () => Promise<unknown>>);
    expect(expected).toEqual({ maxAttempts: 2, sameStrategy: true, oncePromise: true });
    expect(await resolveBoth(resolveRetryConfig)).toEqual(expected);
  });

  it('refuses a client without a strategy of its own', () => {
    expect(() => resolveRetryConfig({})).toThrow("The AWS SDK's default retry strategies are not part of this bundle");
  });
});
