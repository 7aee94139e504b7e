// Stands in for the AWS SDK's logger middleware in the script-tag bundle. It logs each call's input and
// output to the SDK client's `info`/`error`, and the Participant client's SDK logger has neither
// (src/client/sdkOptions.ts: the client logs failures through its own logger), so it has nothing to do
// and is left off the stack. A client given a logger that would log gets a clear error instead.
export const loggerMiddlewareOptions = { name: 'loggerMiddleware', tags: ['LOGGER'], step: 'initialize', override: true };

export const loggerMiddleware = () => {
  throw new Error("The AWS SDK's logger middleware is not part of this bundle");
};

export const getLoggerPlugin = (config) => {
  if (typeof config.logger?.info === 'function' || typeof config.logger?.error === 'function') {
    throw new Error("The AWS SDK's logger middleware is not part of this bundle: the SDK logger must have no info or error");
  }
  return { applyToStack: () => undefined };
};
