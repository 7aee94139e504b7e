// Stands in for the AWS SDK's auth-scheme and signing plugins in the script-tag bundle. Every Participant
// Service operation is unauthenticated (the tokens travel as headers the client sets itself), so the scheme
// chosen is always `smithy.api#noAuth`, whose signer returns the request unchanged: selecting it and
// "signing" with it change nothing. The scheme middleware is left off the stack; the signing one stays as a
// pass-through under its names, since other middlewares are placed relative to them. A client configured
// with any other scheme gets a clear error instead.
const NO_AUTH = 'smithy.api#noAuth';

export const httpAuthSchemeEndpointRuleSetMiddlewareOptions = { step: 'serialize', name: 'httpAuthSchemeMiddleware', override: true };
export const httpSigningMiddlewareOptions = {
  step: 'finalizeRequest',
  tags: ['HTTP_SIGNING'],
  name: 'httpSigningMiddleware',
  aliases: ['apiKeyMiddleware', 'tokenMiddleware', 'awsAuthMiddleware'],
  override: true,
  relation: 'after',
  toMiddleware: 'retryMiddleware',
};

export const getHttpAuthSchemeEndpointRuleSetPlugin = (config) => {
  const schemes = config.httpAuthSchemes || [];
  if (schemes.length === 0 || schemes.some((scheme) => scheme.schemeId !== NO_AUTH)) {
    throw new Error(`This bundle's AWS SDK client supports only the ${NO_AUTH} auth scheme`);
  }
  return { applyToStack: () => undefined };
};

export const getHttpSigningPlugin = () => ({
  applyToStack: (stack) => stack.addRelativeTo((next) => next, httpSigningMiddlewareOptions),
});
