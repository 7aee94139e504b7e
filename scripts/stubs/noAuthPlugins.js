// Stands in for the AWS SDK's auth-scheme and signing plugins in the script-tag bundle. Every Participant
// Service operation is unauthenticated (the tokens travel as headers the client sets itself), so the scheme
// chosen is always `smithy.api#noAuth`, whose signer returns the request unchanged: selecting it and
// "signing" with it change nothing, and both middlewares are left off the stack. A client configured with
// any other scheme gets a clear error instead.
const NO_AUTH = 'smithy.api#noAuth';

export const httpAuthSchemeEndpointRuleSetMiddlewareOptions = { step: 'serialize', name: 'httpAuthSchemeMiddleware', override: true };
export const httpSigningMiddlewareOptions = { step: 'finalizeRequest', name: 'httpSigningMiddleware', override: true };

export const getHttpAuthSchemeEndpointRuleSetPlugin = (config) => {
  const schemes = config.httpAuthSchemes || [];
  if (schemes.length === 0 || schemes.some((scheme) => scheme.schemeId !== NO_AUTH)) {
    throw new Error(`This bundle's AWS SDK client supports only the ${NO_AUTH} auth scheme`);
  }
  return { applyToStack: () => undefined };
};

export const getHttpSigningPlugin = () => ({ applyToStack: () => undefined });
