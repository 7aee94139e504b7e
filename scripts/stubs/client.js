// Stands in for @smithy/core's Client base class in the script-tag bundle, in the one form the Participant
// client uses it: an instance of its own protocol in the config (src/client/restJsonProtocol.ts), no
// middleware cache, and `send(command)` with neither per-call options nor a callback
// (src/client/participantClient.ts). A command then runs as with the SDK's class: resolved against the
// client's middleware stack and config, settling with the operation's output. Anything else asks for a
// clear error.
import { constructStack } from './middlewareStack.js';

const notInBundle = (what) => new Error(`${what} is not part of this bundle's AWS SDK client`);

export class Client {
  config;
  middlewareStack = constructStack();
  initConfig;
  handlers;

  constructor(config) {
    this.config = config;
    if (typeof config.protocol === 'function') throw notInBundle('A protocol class (rather than an instance)');
  }

  send(command, ...rest) {
    if (rest.length > 0) throw notInBundle('send() with options or a callback');
    if (this.config.cacheMiddleware === true) throw notInBundle('The middleware cache');
    return command.resolveMiddleware(this.middlewareStack, this.config, undefined)(command).then((result) => result.output);
  }

  destroy() {
    this.config?.requestHandler?.destroy?.();
    delete this.handlers;
  }
}
