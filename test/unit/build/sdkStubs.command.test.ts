/**
 * @jest-environment node
 */
// The script-tag bundle's stand-in for the AWS SDK's Command base class (scripts/stubs/command.js): a
// command built the way the Participant client's commands are resolves to the same middleware order, the
// same handler context and the same call of the request handler as with the SDK's class.
import { Command as SdkCommand } from '@smithy/smithy-client';
import { constructStack as sdkConstructStack } from '@smithy/middleware-stack';
// @ts-expect-error plain ES module without types
import { Command as StandInCommand } from '../../../scripts/stubs/command.js';
// @ts-expect-error plain ES module without types
import { constructStack as standInConstructStack } from '../../../scripts/stubs/middlewareStack.js';
// @ts-expect-error plain ES module without types
import { SendMessage$ } from '../../../scripts/stubs/operationSchemas.js';

type Next = (args: Record<string, unknown>) => Promise<unknown>;
type Middleware = (next: Next, context: Record<string, unknown>) => Next;
interface Stack { add: (middleware: Middleware, options: Record<string, unknown>) => void }
interface Builder { ep: (e: unknown) => Builder; m: (f: unknown) => Builder; s: (...a: unknown[]) => Builder; n: (...a: string[]) => Builder; sc: (s: unknown) => Builder; build: () => new (input: unknown) => { resolveMiddleware: (stack: unknown, config: unknown, options?: unknown) => (command: unknown) => Promise<unknown> } }

/** Runs one command through a client stack and a command middleware; what each saw, in order. */
async function run(Command: { classBuilder: () => Builder }, constructStack: () => Stack) {
  const seen: unknown[] = [];
  const record = (label: string): Middleware => (next, context) => async (args) => {
    const { commandInstance, ...smithy } = context.__smithy_context as Record<string, unknown>;
    seen.push([label, { logger: context.logger, clientName: context.clientName, commandName: context.commandName, smithy, hasCommand: commandInstance !== undefined }]);
    return next({ ...args, request: 'built' });
  };
  const Built = Command.classBuilder()
    .ep({ Region: { type: 'builtInParams', name: 'region' } })
    .m(function plugins() {
      return [{ applyToStack: (stack: Stack) => stack.add(record('command'), { step: 'build' }) }];
    })
    .s('AmazonConnectParticipantServiceLambda', 'SendMessage', {})
    .n('ConnectParticipantClient', 'SendMessageCommand')
    .sc(SendMessage$)
    .build();
  const clientStack = constructStack();
  clientStack.add(record('client'), { step: 'initialize' });
  const handled: unknown[] = [];
  const config = { logger: 'the logger', requestHandler: { handle: async (...args: unknown[]) => handled.push(args) && { response: {}, output: {} } } };
  const command = new Built({ ConnectionToken: 'ct' });
  await command.resolveMiddleware(clientStack, config)({ input: { ConnectionToken: 'ct' } });
  return { seen, handled, input: (command as unknown as { input: unknown }).input, instructions: (Built as unknown as { getEndpointParameterInstructions: () => unknown }).getEndpointParameterInstructions() };
}

describe('command stand-in', () => {
  it('resolves as the SDK command does', async () => {
    const expected = await run(SdkCommand as unknown as { classBuilder: () => Builder }, sdkConstructStack as unknown as () => Stack);
    expect(await run(StandInCommand, standInConstructStack)).toEqual(expected);
    expect(expected.handled).toEqual([['built', {}]]);
  });

  it('refuses per-call options, event-stream operations and builder steps it does not cover', () => {
    const Built = (StandInCommand.classBuilder() as Builder).m(() => []).sc(SendMessage$).build();
    expect(() => new Built({}).resolveMiddleware(standInConstructStack(), {}, { abortSignal: {} })).toThrow('Per-call options');
    expect(() => (StandInCommand.classBuilder() as Builder).sc([9, 'ns', 'Streaming'])).toThrow('Streaming: operations with event streams are not part of this bundle');
    expect(() => (StandInCommand.classBuilder() as { ser: () => void }).ser()).toThrow('The command builder step ser() is not part of this bundle');
  });
});
