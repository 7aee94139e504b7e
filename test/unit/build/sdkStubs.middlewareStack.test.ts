/**
 * @jest-environment node
 */
// The script-tag bundle's stand-in for the AWS SDK's middleware stack (scripts/stubs/middlewareStack.js)
// runs a Participant call's middlewares in the order the SDK's own stack does.
import { ConnectParticipantClient, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { constructStack as sdkStack } from '@smithy/core/client';
// @ts-expect-error plain ES module without types
import { constructStack as standInStack } from '../../../scripts/stubs/middlewareStack.js';

type Entry = { middleware: unknown; name?: string; aliases?: string[] } & Record<string, unknown>;
type Middleware = (next: Handler, context: object) => Handler;
type Handler = (args: { trace: string[] }) => Promise<{ trace: string[] }>;
type Stack = {
  add(middleware: Middleware, options?: object): void;
  addRelativeTo(middleware: Middleware, options: object): void;
  concat(from: Stack): Stack;
  clone(): Stack;
  resolve(handler: Handler, context: object): Handler;
  identify?(): string[];
  remove(name: string): boolean;
};

/** Each entry of `stack` as added, its middleware replaced by one that notes its name and passes on. */
function entriesOf(stack: { applyToStack(to: object): void }): Entry[] {
  const entries: Entry[] = [];
  const record = (middleware: unknown, options: object) => entries.push({ ...options, middleware } as Entry);
  stack.applyToStack({ add: record, addRelativeTo: record, identifyOnResolve: () => false });
  return entries;
}

const tracing = (name: string): Middleware => (next) => async (args) => next({ trace: [...args.trace, name] });

async function runOrder(stack: Stack): Promise<string[]> {
  const handler = stack.resolve(async (args) => args, {});
  return (await handler({ trace: [] })).trace;
}

function fill(stack: Stack, entries: Entry[]): Stack {
  for (const entry of entries) {
    const middleware = tracing(entry.name ?? 'anonymous');
    if (entry.relation) stack.addRelativeTo(middleware, { ...entry, middleware });
    else stack.add(middleware, { ...entry, middleware });
  }
  return stack;
}

describe('middleware stack stand-in', () => {
  it("runs a Participant call's middlewares in the SDK's order", async () => {
    const client = new ConnectParticipantClient({ region: 'us-west-2' });
    const command = new SendMessageCommand({ ConnectionToken: 't', ContentType: 'text/plain', Content: 'hi' });
    command.resolveMiddleware(client.middlewareStack as never, client.config as never, {});
    const entries = [...entriesOf(client.middlewareStack as never), ...entriesOf(command.middlewareStack as never)];
    expect(entries.length).toBeGreaterThan(8);

    const clientPart = entries.slice(0, entriesOf(client.middlewareStack as never).length);
    const commandPart = entries.slice(clientPart.length);
    const expected = await runOrder(fill(sdkStack() as unknown as Stack, clientPart).concat(fill(sdkStack() as unknown as Stack, commandPart)));
    const actual = await runOrder(fill(standInStack(), clientPart).concat(fill(standInStack(), commandPart)).clone());
    expect(actual).toEqual(expected);
    expect(actual).toContain('endpointV2Middleware');
  });

  it('orders by step and priority, nests relative middlewares, and overrides by name or alias', async () => {
    const build = (stack: Stack) => {
      stack.add(tracing('d'), { step: 'deserialize', name: 'd' });
      stack.add(tracing('low'), { step: 'build', priority: 'low', name: 'low' });
      stack.add(tracing('high'), { step: 'build', priority: 'high', name: 'high', aliases: ['h'] });
      stack.add(tracing('init'), { name: 'init' });
      stack.addRelativeTo(tracing('a1'), { relation: 'after', toMiddleware: 'high', name: 'a1' });
      stack.addRelativeTo(tracing('a2'), { relation: 'after', toMiddleware: 'high', name: 'a2' });
      stack.addRelativeTo(tracing('b1'), { relation: 'before', toMiddleware: 'h', name: 'b1' });
      stack.addRelativeTo(tracing('b0'), { relation: 'before', toMiddleware: 'b1', name: 'b0' });
      stack.add(tracing('init2'), { name: 'init', override: true });
      return stack;
    };
    const expected = await runOrder(build(sdkStack() as unknown as Stack));
    expect(await runOrder(build(standInStack()))).toEqual(expected);
    expect(expected).toEqual(['init2', 'b0', 'b1', 'high', 'a2', 'a1', 'low', 'd']);
  });

  it('refuses a duplicate name, a missing target, and the calls the client never makes', () => {
    const stack: Stack = standInStack();
    stack.add(tracing('x'), { name: 'x' });
    expect(() => stack.add(tracing('x'), { name: 'x' })).toThrow("Duplicate middleware name 'x'");
    stack.addRelativeTo(tracing('y'), { relation: 'after', toMiddleware: 'missing', name: 'y' });
    expect(() => stack.resolve(async (args) => args, {})).toThrow('missing is not found when adding y middleware after missing');
    expect(() => stack.remove('x')).toThrow('middlewareStack.remove() is not part of this bundle');
  });
});
