// Stands in for the AWS SDK's reading of endpoint parameters in the script-tag bundle, in the one form the
// Participant client uses: every operation's parameters are the four client settings Region, UseFIPS,
// UseDualStack and Endpoint ("builtInParams"), and the browser build has no shared config file to take an
// endpoint from. Any other kind of parameter asks for a clear error.
const valueOf = async (config, key, canonicalKey) => {
  const value = config[key] ?? config[canonicalKey];
  return typeof value === 'function' ? value() : value;
};

/** A configured endpoint as the URL text the endpoint provider expects. */
const endpointText = async (config, key, canonicalKey) => {
  if (config.isCustomEndpoint === false) return undefined;
  const endpoint = await valueOf(config, key, canonicalKey);
  if (endpoint && typeof endpoint === 'object') {
    if ('url' in endpoint) return endpoint.url.href;
    if ('hostname' in endpoint) {
      const { protocol, hostname, port, path } = endpoint;
      return `${protocol}//${hostname}${port ? ':' + port : ''}${path}`;
    }
  }
  return endpoint;
};

export const resolveParams = async (commandInput, instructionsSupplier, clientConfig) => {
  const params = {};
  const instructions = Object.entries(instructionsSupplier?.getEndpointParameterInstructions?.() || {});
  if (instructions.length === 0) throw new Error('Endpoint parameters from the whole client config are not part of this bundle');
  for (const [name, instruction] of instructions) {
    if (instruction.type !== 'builtInParams' || /^(credentialScope|accountId)$/.test(instruction.name)) {
      throw new Error(`Endpoint parameter ${name} (${instruction.type}) is not part of this bundle`);
    }
    const read = instruction.name === 'endpoint' ? endpointText : valueOf;
    params[name] = await read(clientConfig, instruction.name, name);
  }
  return params;
};

export function bindGetEndpointFromInstructions() {
  return async (commandInput, instructionsSupplier, clientConfig, context) => {
    const params = await resolveParams(commandInput, instructionsSupplier, clientConfig);
    if (typeof clientConfig.endpointProvider !== 'function') throw new Error('config.endpointProvider is not set.');
    const endpoint = clientConfig.endpointProvider(params, context);
    if (clientConfig.isCustomEndpoint && clientConfig.endpoint) {
      const customEndpoint = await clientConfig.endpoint();
      if (customEndpoint?.headers) {
        endpoint.headers ??= {};
        for (const [header, value] of Object.entries(customEndpoint.headers)) endpoint.headers[header] = Array.isArray(value) ? value : [value];
      }
    }
    return endpoint;
  };
}
