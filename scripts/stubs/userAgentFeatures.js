// Stands in for the AWS SDK's user-agent feature detection in the script-tag bundle. Of the features the
// SDK looks for, the Participant client's configuration can show one: the mode of its retry strategy
// (src/client/retryStrategy.ts). The others cannot occur with its JSON protocol, its own endpoint
// provider and unsigned requests; should one ever apply, the call fails with a clear error instead of
// going out with a user agent that differs from the SDK's.
const RETRY_MODE_CODES = { standard: 'E', adaptive: 'F' };

export async function checkFeatures(context, config, args) {
  const unsupported =
    args.request?.headers?.['smithy-protocol'] !== undefined ||
    typeof config.accountIdEndpointMode === 'function' ||
    context.__smithy_context?.selectedHttpAuthScheme?.identity?.$source !== undefined;
  if (unsupported) throw new Error('SDK user-agent features other than the retry mode are not part of this bundle');
  const strategy = typeof config.retryStrategy === 'function' ? await config.retryStrategy() : undefined;
  const code = RETRY_MODE_CODES[strategy?.mode];
  if (code === undefined) return;
  const sdkContext = (context.__aws_sdk_context ??= {});
  (sdkContext.features ??= {})[`RETRY_MODE_${strategy.mode.toUpperCase()}`] = code;
}
