// Side by side: one scripted chat (test/support/browser/scriptedChatApp.js, an app written for 5.0.0) runs in one page
// on amazon-connect-chatjs 5.0.0's published bundle and in another on this SDK's bundle, each against its
// own chat on the same emulator, with an agent doing the same things in both. What the app saw must be
// the same — values, payloads, handler arguments, error serialization, the shape of connect.ChatSession —
// except for the differences docs/migrating.md lists, which are asserted here as such.
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SendEventCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { ChatParticipant, EVENT_PREFIX, startTestEmulator, TestEmulator } from '../support/emulator/testEmulator';
import { launchBrowser } from '../support/browser/browser';
import { BUNDLE_PATH } from '../support/browser/bundlePage';
import { startPageServer, type PageServer } from '../support/browser/pageServer';

jest.setTimeout(90_000);

const UPSTREAM_BUNDLE = path.join(__dirname, '../../node_modules/upstream-chatjs/dist/amazon-connect-chat.js');
const APP_SCRIPT = readFileSync(path.join(__dirname, '../support/browser/scriptedChatApp.js'));
const pageHtml = (bundle: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><script src="/${bundle}"></script><script src="/app.js"></script></head><body>side by side</body></html>`;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- what the pages recorded

interface Side {
  name: 'upstream' | 'ours';
  page: Page;
  agent?: ChatParticipant;
}

let emu: TestEmulator;
let pages: PageServer;
let browser: Browser;
const sides: Side[] = [];
const [upstream, ours] = [() => sides[0] as Side, () => sides[1] as Side];

/** Runs `__app.<step>(...args)` in both pages; returns [upstream's result, ours]. */
async function both(step: string, ...args: unknown[]): Promise<[Json, Json]> {
  const run = (side: Side): Promise<Json> =>
    side.page.evaluate(([name, stepArgs]) => (window as Json).__app[name as string](...(stepArgs as unknown[])), [step, args] as const);
  return [await run(upstream()), await run(ours())];
}

/** Waits until a page recorded a handler call whose JSON includes `text`. */
async function waitForSeen(side: Side, handler: string, text = ''): Promise<void> {
  await side.page.waitForFunction(
    ([name, needle]) => (window as Json).__app.seen.some((entry: Json) => entry.handler === name && JSON.stringify(entry.payload).includes(needle as string)),
    [handler, text] as const,
    { timeout: 15_000 },
  );
}

const seenBy = async (side: Side, handler: string): Promise<Json[]> =>
  (await side.page.evaluate(() => (window as Json).__app.seen as Json[])).filter((entry) => entry.handler === handler);

/** The structure of a value: keys (sorted) and primitive types, recursively. */
function shapeOf(value: Json): Json {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shapeOf(value[key])]));
  }
  return value === null ? 'null' : typeof value;
}

beforeAll(async () => {
  emu = await startTestEmulator();
  pages = await startPageServer({
    '/upstream.html': ['text/html', pageHtml('upstream.js')],
    '/ours.html': ['text/html', pageHtml('ours.js')],
    '/upstream.js': ['text/javascript', readFileSync(UPSTREAM_BUNDLE)],
    '/ours.js': ['text/javascript', readFileSync(BUNDLE_PATH)],
    '/app.js': ['text/javascript', APP_SCRIPT],
  });
  browser = await launchBrowser();
  for (const name of ['upstream', 'ours'] as const) {
    const page = await browser.newPage();
    await page.goto(`${pages.origin}/${name}.html`);
    sides.push({ name, page });
  }
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await emu?.close();
});

describe('one scripted chat on 5.0.0 and on this SDK', () => {
  it('connect.ChatSession has the same names, kinds and enum values', async () => {
    const [theirs, mine] = await both('shape');
    // Addition (migrating.md, "Added after 5.0.0"): upstream 5.2.0's ChatSession.ChatClient base class.
    expect(mine.names).toContain('ChatClient:function');
    expect(theirs.names).not.toContain('ChatClient:function');
    expect({ ...mine, names: mine.names.filter((name: string) => name !== 'ChatClient:function') }).toEqual(theirs);
  });

  it('sessions have 5.0.0’s methods, a controller with its methods and ids, and connect() resolves alike', async () => {
    const results: Json[] = [];
    for (const side of sides) {
      const started = await emu.startChat({ ParticipantDetails: { DisplayName: 'Customer' } });
      const chatDetails = { ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken };
      const result = await side.page.evaluate(([endpoint, details]) => (window as Json).__app.start(endpoint, details), [emu.url, chatDetails] as const);
      expect(result.controllerIds).toEqual({ contactId: started.ContactId, participantId: started.ParticipantId, initialContactId: started.ContactId });
      // 5.0.0's connect() resolves before its socket is up: wait for the socket, so both see the agent join.
      await waitForSeen(side, 'onConnectionEstablished', '"data":');
      side.agent = await emu.agent(started.ContactId, 'Agent Smith');
      results.push(result);
    }
    const [theirs, mine] = results;
    expect(mine.sessionMethods).toEqual(theirs.sessionMethods);
    expect(mine.controllerMethods).toEqual(theirs.controllerMethods);
    expect(mine.connect.ok).toBe(true);
    expect(theirs.connect.ok).toBe(true);
    // Difference (migrating.md, "connect() resolves once the websocket is subscribed"): _debug says Connected.
    expect({ ...mine.connect.value, _debug: null }).toEqual({ ...theirs.connect.value, _debug: null });
    expect(theirs.connect.value._debug).toEqual({ websocketStatus: 'Starting' });
    expect(mine.connect.value._debug).toEqual({ websocketStatus: 'Connected' });
    for (const side of sides) await waitForSeen(side, 'onMessage', 'participant.joined');
    // Difference 1 of migrating.md: 5.0.0 fires onConnectionEstablished twice (connect(), then the socket).
    const established = async (side: Side): Promise<Json[]> => (await seenBy(side, 'onConnectionEstablished')).map((entry) => entry.payload.data ?? 'no data');
    expect(await established(upstream())).toEqual(['no data', {}]);
    expect(await established(ours())).toEqual([{ reconnected: false }]);
  });

  it('a sent message resolves { data, metadata } alike and reaches the agent', async () => {
    const [theirs, mine] = await both('send');
    expect(shapeOf(mine)).toEqual(shapeOf(theirs));
    expect(mine.value.metadata).toEqual({ step: 'send' });
    expect(mine.value.data.$metadata.httpStatusCode).toBe(theirs.value.data.$metadata.httpStatusCode);
    for (const side of sides) {
      await side.agent?.socket.waitForItem((item) => item.Content === 'hello from the app');
    }
  });

  it('handlers get (payload, eventName, eventBus) and the same payloads for the agent’s typing and message', async () => {
    for (const side of sides) {
      const client = emu.participantClient();
      const token = side.agent?.connectionToken;
      await client.send(new SendEventCommand({ ConnectionToken: token, ContentType: `${EVENT_PREFIX}typing` }));
      await waitForSeen(side, 'onTyping', 'typing');
      await client.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: 'hello from the agent' }));
      await waitForSeen(side, 'onMessage', 'hello from the agent');
    }
    for (const handler of ['onTyping', 'onMessage']) {
      const [theirs, mine] = [await seenBy(upstream(), handler), await seenBy(ours(), handler)];
      const calls = (entries: Json[]): Json[] => entries.map(({ payload, ...call }) => ({ ...call, payload: shapeOf(payload) }));
      expect(calls(mine)).toEqual(calls(theirs));
      const values = (entries: Json[]): Json[] =>
        entries.map(({ payload: { data } }) => [data.Type, data.ContentType, data.Content, data.ParticipantRole, data.DisplayName]);
      expect(values(mine)).toEqual(values(theirs));
    }
    const [firstCall] = await seenBy(ours(), 'onMessage');
    expect(firstCall).toMatchObject({ argumentCount: 3, eventName: 'INCOMING_MESSAGE', eventBus: { type: 'object', subscribe: 'function' } });
  });

  it('a service error serializes, spreads and reads alike; only the stack is a string', async () => {
    const [theirs, mine] = await both('fail');
    expect(theirs.ok).toBe(false);
    expect(mine.ok).toBe(false);
    const { json: theirJson, stack: theirStack, ...theirRest } = theirs.reason;
    const { json: myJson, stack: myStack, ...myRest } = mine.reason;
    // Difference: 5.0.0 rejected with a plain object; ours is an Error (ChatServiceError) with the same fields.
    expect({ ...myRest, kind: 'object' }).toEqual({ ...theirRest, spreadKeys: [...theirRest.spreadKeys, 'requestId', 'retryable'] });
    expect(theirRest.kind).toBe('object');
    expect(myRest.kind).toBe('Error');
    expect({ ...myJson, stack: null, requestId: undefined, retryable: undefined }).toEqual({ ...theirJson, stack: null });
    expect(theirJson).toMatchObject({ type: 'ValidationException', statusCode: 400, metadata: { step: 'fail' } });
    expect([theirStack, myStack]).toEqual(['array', 'string']);
  });

  it('getTranscript resolves the same page', async () => {
    const [theirs, mine] = await both('transcript');
    const comparable = (result: Json): Json => {
      const { $metadata, Transcript, ...data } = result.value.data;
      // Every field of every item, those the AWS SDK model does not know (InitialContactId) included.
      return { metadata: result.value.metadata, data: shapeOf({ ...data, Transcript }), status: $metadata.httpStatusCode };
    };
    expect(comparable(mine)).toEqual(comparable(theirs));
    const contents = (result: Json): Json[] => result.value.data.Transcript.map((item: Json) => [item.Type, item.ContentType, item.Content ?? null]);
    expect(contents(mine)).toEqual(contents(theirs));
  });

  // Addition (migrating.md, "Added after 5.0.0"): upstream 5.1.0's sendMessageReceipt, which 5.0.0 lacks.
  // After the transcript comparison: the receipt adds MessageMetadata to ours only.
  it('sendMessageReceipt is missing from 5.0.0 and, on ours, sends a read receipt the agent receives', async () => {
    const [agentMessage] = (await seenBy(ours(), 'onMessage')).filter((entry) => entry.payload.data.Content === 'hello from the agent');
    const messageId: string = agentMessage.payload.data.Id;
    const [theirs, mine] = await both('manualReceipt', messageId);
    expect(theirs).toEqual({ available: false });
    expect(mine).toMatchObject({ available: true, result: { ok: true, value: { metadata: { step: 'receipt' } } } });
    // The service hands the agent the receipt as a MESSAGEMETADATA item naming the message.
    const receipt = await ours().agent?.socket.waitForItem((item) => item.Type === 'MESSAGEMETADATA' && item.MessageMetadata?.MessageId === messageId);
    expect(receipt?.MessageMetadata?.Receipts?.[0]?.ReadTimestamp).toEqual(expect.any(String));
  });

  it('disconnectParticipant ends the chat alike, and later calls reject with 5.0.0’s text', async () => {
    const [theirs, mine] = await both('leave');
    // Difference: ours resolves { data, metadata: null } as every other call; 5.0.0 resolved { data }.
    expect(shapeOf(mine)).toEqual({ ...shapeOf(theirs), value: { ...shapeOf(theirs).value, metadata: 'null' } });
    for (const side of sides) await waitForSeen(side, 'onEnded');
    const [theirEnded, myEnded] = [await seenBy(upstream(), 'onEnded'), await seenBy(ours(), 'onEnded')];
    expect(myEnded.map((entry) => ({ ...entry, payload: shapeOf(entry.payload) }))).toEqual(
      theirEnded.map((entry) => ({ ...entry, payload: shapeOf(entry.payload) })),
    );
    // 5.0.0 marks the participant disconnected right after onEnded's handlers ran, in the same task.
    const [theirLate, myLate] = await both('afterEnd');
    for (const call of ['sendMessage', 'getTranscript']) {
      // Difference: 5.0.0 rejected with the bare string; ours is an IllegalStateException with that message.
      expect(theirLate[call].reason).toEqual({ kind: 'string', message: `Failed to call ${call}, No active connection` });
      expect(myLate[call].reason).toMatchObject({ kind: 'Error', message: `Failed to call ${call}, No active connection` });
    }
  });
});
