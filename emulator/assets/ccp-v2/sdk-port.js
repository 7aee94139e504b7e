// @ts-check
// The Amazon Connect SDK channel Streams 2.28 opens next to its conduit (spec/streams-ccp-emulation.md
// §1.4): a MessagePort handed to the embedding page. Streams' chat media controller asks it for the
// contact's region before every chat session; an unanswered request would stall each chat for 30 s.

/** @param {string} region @param {string} parentOrigin the embedding page's origin: the port goes to it alone */
export function openSdkPort(region, parentOrigin) {
  const channel = new MessageChannel();
  const port = channel.port1;
  port.onmessage = (event) => {
    const message = event.data ?? {};
    if (message.type === 'cross-domain-site-ready') {
      // healthCheckInterval 0: no health checks (leaving it out makes the site poll in a tight loop).
      port.postMessage({ type: 'acknowledge', connectionId: `emulated-ccp-${Date.now()}`, healthCheckInterval: 0 });
    } else if (message.type === 'request') {
      port.postMessage(answer(message, region));
    }
    // log, metric, subscribe and unsubscribe need no answer.
  };
  window.parent.postMessage({ type: 'cross-domain-adapter-init' }, parentOrigin, [channel.port2]);
}

/** @param {{requestId: string, namespace: string, command: string}} request @param {string} region */
function answer(request, region) {
  const { requestId, namespace, command } = request;
  if (namespace === 'aws.connect.contact' && command === 'contact/getInstanceDetails') {
    return { type: 'response', requestId, namespace, isError: false, data: { region } };
  }
  return {
    type: 'response',
    requestId,
    namespace,
    isError: true,
    errorKey: 'unsupportedByEmulatedCcp',
    reason: `${namespace} ${command} is not supported by the emulated CCP`,
    details: { command, requestData: undefined },
  };
}
