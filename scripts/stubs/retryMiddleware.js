// Stands in for the AWS SDK's retry middleware (and its omit-retry-headers middleware) in the script-tag
// bundle, in the one form the Participant client runs it: with its own retry strategy
// (src/client/retryStrategy.ts, a "V2" strategy of retry tokens), text bodies, and no abort signal (no
// Participant client call passes one; command.js refuses per-call options). For that form it does what the
// SDK's middleware does, step for step: the SDK's own error classification and Retry-After reading for the
// strategy, its delay between attempts, and the attempt count and total delay in `$metadata`. The SDK's
// middleware also writes `amz-sdk-invocation-id` and `amz-sdk-request` headers, and its omit-retry-headers
// middleware deletes them again before the request goes out (the client's requests never carry them), so
// here neither happens. A strategy of the older kind, a streamed body or an abort signal asks for a clear
// error instead.
import { getRetryAfterHint, isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { HttpRequest } from '@smithy/core/protocols';

export const retryMiddlewareOptions = { name: 'retryMiddleware', tags: ['RETRY'], step: 'finalizeRequest', priority: 'high', override: true };

const notInBundle = (what) => new Error(`${what} is not part of this bundle's AWS SDK retry middleware`);

/** The SDK's kinds of failure, as its retry strategies read them. */
function errorType(error) {
  if (isThrottlingError(error)) return 'THROTTLING';
  if (isTransientError(error)) return 'TRANSIENT';
  return isServerError(error) ? 'SERVER_ERROR' : 'CLIENT_ERROR';
}

/** What the call rejects with: the thrown value as an Error, as the SDK wraps it. */
function asError(thrown) {
  if (thrown instanceof Error) return thrown;
  if (thrown instanceof Object) return Object.assign(new Error(), thrown);
  return new Error(typeof thrown === 'string' ? thrown : `AWS SDK error wrapper for ${thrown}`);
}

export function bindRetryMiddleware() {
  return (options) => (next, context) => async (args) => {
    const strategy = await options.retryStrategy();
    if (typeof strategy.acquireInitialRetryToken !== 'function') throw notInBundle('A retry strategy without retry tokens');
    if (context.__smithy_context?.abortSignal) throw notInBundle('An abort signal');
    const { request } = args;
    if (HttpRequest.isInstance(request) && request.body !== undefined && typeof request.body !== 'string') throw notInBundle('A request body that is not text');
    let token = await strategy.acquireInitialRetryToken((context.partition_id ?? '') + (context.__retryLongPoll ? ':longpoll' : ''));
    let attempts = 0;
    let totalRetryDelay = 0;
    for (;;) {
      try {
        const { response, output } = await next(args);
        strategy.recordSuccess(token);
        Object.assign(output.$metadata, { attempts: attempts + 1, totalRetryDelay });
        return { response, output };
      } catch (thrown) {
        const info = { error: thrown, errorType: errorType(thrown) };
        const retryAfterHint = getRetryAfterHint(thrown.$response, options.logger);
        if (retryAfterHint) info.retryAfterHint = retryAfterHint;
        const error = asError(thrown);
        try {
          token = await strategy.refreshRetryTokenForRetry(token, info);
        } catch {
          error.$metadata = Object.assign(error.$metadata ?? {}, { attempts: attempts + 1, totalRetryDelay });
          throw error;
        }
        attempts = token.getRetryCount();
        const delay = token.getRetryDelay();
        totalRetryDelay += (token.$retryLog?.acquisitionDelay ?? 0) + delay;
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
}

export function bindGetRetryPlugin() {
  const retryMiddleware = bindRetryMiddleware();
  return (options) => ({ applyToStack: (stack) => stack.add(retryMiddleware(options), retryMiddlewareOptions) });
}

/** The retry headers this middleware does not write are not there to omit: the plugin adds nothing. */
export const omitRetryHeadersMiddlewareOptions = {
  name: 'omitRetryHeadersMiddleware',
  tags: ['RETRY', 'HEADERS', 'OMIT_RETRY_HEADERS'],
  relation: 'before',
  toMiddleware: 'awsAuthMiddleware',
  override: true,
};
export const omitRetryHeadersMiddleware = () => (next) => next;
export const getOmitRetryHeadersPlugin = () => ({ applyToStack: () => undefined });
