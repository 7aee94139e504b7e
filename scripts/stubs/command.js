// Stands in for @smithy/core's Command base class and its class builder in the script-tag bundle, in the
// one form the Participant client's commands use: built from endpoint parameters, a middleware supplier,
// the service and operation names, the client and command names and an operation schema, and sent without
// per-call options. A command resolves to the same middleware stack and handler context the SDK builds.
// Left out: event-stream operations (the Participant Service has none; operationSchemas.js marks every
// operation so), the log filters of the context (read only by the SDK's logger middleware, which is not
// bundled: sdkLogger.js), and the builder steps no Participant command calls; each asks for a clear error.
import { constructStack } from './middlewareStack.js';

const SMITHY_CONTEXT_KEY = '__smithy_context';
const EVENT_STREAM_MARK = Symbol.for('@smithy/op-event-stream');

const notInBundle = (what) => () => {
  throw new Error(`${what} is not part of this bundle's AWS SDK commands`);
};

export class Command {
  middlewareStack = constructStack();
  schema;

  static classBuilder() {
    return new ClassBuilder();
  }
}

class ClassBuilder {
  smithyContext = {};

  ep(endpointParameterInstructions) {
    this.endpointParameterInstructions = endpointParameterInstructions;
    return this;
  }

  m(middlewareSupplier) {
    this.middlewareSupplier = middlewareSupplier;
    return this;
  }

  s(service, operation, smithyContext = {}) {
    this.smithyContext = { service, operation, ...smithyContext };
    return this;
  }

  n(clientName, commandName) {
    this.clientName = clientName;
    this.commandName = commandName;
    return this;
  }

  sc(operationSchema) {
    if (operationSchema?.[EVENT_STREAM_MARK] !== false) throw new Error(`${operationSchema?.[2]}: operations with event streams are not part of this bundle`);
    this.operationSchema = operationSchema;
    this.smithyContext.operationSchema = operationSchema;
    return this;
  }

  build() {
    const spec = this;
    const Built = class extends Command {
      static getEndpointParameterInstructions() {
        return spec.endpointParameterInstructions;
      }

      constructor(input) {
        super();
        this.input = input ?? {};
        this.schema = spec.operationSchema;
      }

      resolveMiddleware(clientStack, configuration, options) {
        if (options !== undefined) throw new Error('Per-call options of AWS SDK commands are not part of this bundle');
        for (const plugin of spec.middlewareSupplier.call(this, Built, clientStack, configuration, options)) this.middlewareStack.use(plugin);
        const context = {
          logger: configuration.logger,
          clientName: spec.clientName,
          commandName: spec.commandName,
          [SMITHY_CONTEXT_KEY]: { commandInstance: this, ...spec.smithyContext },
        };
        const { requestHandler } = configuration;
        return clientStack.concat(this.middlewareStack).resolve((request) => requestHandler.handle(request.request, {}), context);
      }
    };
    return Built;
  }
}
for (const step of ['init', 'c', 'f', 'ser', 'de']) ClassBuilder.prototype[step] = notInBundle(`The command builder step ${step}()`);
