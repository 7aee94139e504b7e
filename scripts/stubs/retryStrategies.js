// Stands in for the AWS SDK's standard and adaptive retry strategies (and the adaptive one's rate limiter)
// in the script-tag bundle. The SDK builds one only when a client has no `retryStrategy`, and every
// Participant client this package builds passes its own (src/client/retryStrategy.ts).
class NotBundled {
  constructor() {
    throw new Error("The AWS SDK's default retry strategies are not part of this bundle: pass retryStrategy");
  }
}
export const StandardRetryStrategy = NotBundled;
export const AdaptiveRetryStrategy = NotBundled;
export const DefaultRateLimiter = NotBundled;
