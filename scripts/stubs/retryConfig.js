// Stands in for the AWS SDK's retry settings resolver in the script-tag bundle, in the one form the
// Participant client uses: it always passes its own retry strategy and attempt count
// (src/client/participantClient.ts), so the SDK's default strategies are never built (retryStrategies.js).
// The settings resolve as the SDK resolves them then: the attempt count as a provider, the strategy as one
// promise. A client without a strategy of its own asks for a clear error.
import { normalizeProvider } from '@smithy/core/client';

export const resolveRetryConfig = (input) => {
  if (!input.retryStrategy) throw new Error("The AWS SDK's default retry strategies are not part of this bundle: pass retryStrategy");
  const strategy = Promise.resolve(input.retryStrategy);
  return Object.assign(input, { maxAttempts: normalizeProvider(input.maxAttempts ?? 3), retryStrategy: () => strategy });
};
