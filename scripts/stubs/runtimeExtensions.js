// Stands in for the Participant client's runtime extensions step in the script-tag bundle. Extensions
// (`extensions` in the SDK client's options) may change the region, checksums, retry strategy, request
// handler and auth settings; without any, the step reads each of those from the config and writes the same
// value back, so all it does besides is tell the request handler the logger (and a socket timeout, if set),
// and leave a `credentials` key. The Participant client passes no extensions; any extension asks for a
// clear error.
export const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
  if (extensions.length > 0) throw new Error('AWS SDK client extensions are not part of this bundle');
  const { logger, defaultSocketTimeout, requestHandler } = runtimeConfig;
  if (logger && logger.constructor?.name !== 'NoOpLogger') requestHandler?.updateHttpClientConfig?.(Symbol.for('logger'), logger);
  if (defaultSocketTimeout) requestHandler?.updateHttpClientConfig?.(Symbol.for('@smithy/defaultSocketTimeout'), defaultSocketTimeout);
  return Object.assign(runtimeConfig, { credentials: runtimeConfig.credentials });
};
