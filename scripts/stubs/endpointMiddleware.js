// Stands in for @smithy/core's endpoint middleware in the script-tag bundle, in the one form the
// Participant client runs it: its endpoint provider (src/client/sdkOptions.ts) answers a URL and nothing
// else, so there are no endpoint auth schemes to hand to signing (requests are unsigned). As the SDK's
// middleware, it marks a call to a custom endpoint as the `ENDPOINT_OVERRIDE` user-agent feature, reads the
// operation's endpoint parameters (endpointParameters.js) and puts the provider's answer in the context.
// An endpoint that names auth schemes asks for a clear error.
import { bindGetEndpointFromInstructions } from './endpointParameters.js';

const endpointFor = bindGetEndpointFromInstructions();

export function bindEndpointMiddleware() {
  return ({ config, instructions }) => (next, context) => async (args) => {
    if (config.isCustomEndpoint) {
      const smithyContext = (context.__smithy_context ??= {});
      (smithyContext.features ??= {}).ENDPOINT_OVERRIDE = 'N';
    }
    const endpoint = await endpointFor(args.input, { getEndpointParameterInstructions: () => instructions }, { ...config }, context);
    if (endpoint.properties?.authSchemes) throw new Error('Endpoint auth schemes are not part of this bundle: Participant Service requests are unsigned');
    context.endpointV2 = endpoint;
    context.authSchemes = undefined;
    return next({ ...args });
  };
}
