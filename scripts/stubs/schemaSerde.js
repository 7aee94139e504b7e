// Stands in for @smithy/core's schema serde plugin (its serialize and deserialize middlewares) in the
// script-tag bundle, in the one form the Participant client runs it: with its own protocol
// (src/client/restJsonProtocol.ts), which writes and reads JSON itself. The middlewares hand the protocol
// the operation and the endpoint as the SDK's do, and a failed answer is marked as the SDK marks it: the
// raw response as the hidden `$response`, and for an error that did not come from the service's answer
// (a body that is not JSON: an HTML page from a proxy) the SDK's hint added to the message and the
// `$metadata` read from the headers, which its retry rules go by.
import { HttpResponse, toEndpointV1 } from '@smithy/core/transport';

export const serializerMiddlewareOption = { name: 'serializerMiddleware', step: 'serialize', tags: ['SERIALIZER'], override: true };
export const deserializerMiddlewareOption = { name: 'deserializerMiddleware', step: 'deserialize', tags: ['DESERIALIZER'], override: true };

const HINT = 'Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';

/** The operation as the protocol receives it, from the command's operation schema. */
function operationOf(context) {
  const [, namespace, name, traits, input, output] = context.__smithy_context?.operationSchema ?? [];
  return { name, namespace, traits, input, output };
}

/** The value of the first header whose name matches `pattern`. */
const headerMatching = (headers, pattern) => Object.entries(headers).find(([name]) => pattern.test(name))?.[1];

function markFailure(error, response, logger) {
  Object.defineProperty(error, '$response', { value: response, enumerable: false, writable: false, configurable: false });
  if ('$metadata' in error) return;
  try {
    error.message += `\n  ${HINT}`;
  } catch {
    logger?.warn?.(HINT);
  }
  if (HttpResponse.isInstance(response)) {
    const { headers = {}, statusCode } = response;
    error.$metadata = {
      httpStatusCode: statusCode,
      requestId: headerMatching(headers, /^x-[\w-]+-request-?id$/),
      extendedRequestId: headerMatching(headers, /^x-[\w-]+-id-2$/),
      cfId: headerMatching(headers, /^x-[\w-]+-cf-id$/),
    };
  }
}

export function getSchemaSerdePlugin(config) {
  const serialize = (next, context) => async (args) => {
    const endpoint = context.endpointV2 ? async () => toEndpointV1(context.endpointV2) : config.endpoint;
    const request = await config.protocol.serializeRequest(operationOf(context), args.input, { ...config, ...context, endpoint });
    return next({ ...args, request });
  };
  const deserialize = (next, context) => async (args) => {
    const { response } = await next(args);
    try {
      return { response, output: await config.protocol.deserializeResponse(operationOf(context), { ...config, ...context }, response) };
    } catch (error) {
      markFailure(error, response, context.logger);
      throw error;
    }
  };
  return {
    applyToStack: (stack) => {
      stack.add(serialize, serializerMiddlewareOption);
      stack.add(deserialize, deserializerMiddlewareOption);
      config.protocol.setSerdeContext(config);
    },
  };
}
