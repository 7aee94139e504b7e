// The contact-center scenarios of test/integration/contactCenter, customer side, with the published
// amazon-connect-chatjs 5.0.0 bundle unchanged in headless Chromium: the same expected sequences hold,
// so the emulator plays the service rather than this SDK. Agents act through the emulated CCP from Node.
import { readFileSync } from 'fs';
import { createServer, Server } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { CcpClient } from '../support/emulator/ccpClient';
import { startTestEmulator, TestEmulator } from '../support/emulator/testEmulator';
import { DEMO_FLOW_CUSTOMER, INTERACTIVE_TYPES, TIMEOUT_CUSTOMER } from '../support/contactCenter/expected';
import { labelOf, notInOrder } from '../support/contactCenter/observe';
import { launchBrowser } from '../support/browser/browser';

jest.setTimeout(90_000);

const UPSTREAM_BUNDLE = path.join(__dirname, '../../node_modules/upstream-chatjs/dist/amazon-connect-chat.js');
const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><script src="/amazon-connect-chat.js"></script></head><body>upstream</body></html>`;

let pageServer: Server;
let origin: string;
let browser: Browser;
const opened: Array<{ close(): Promise<void> | void }> = [];

beforeAll(async () => {
  const bundle = readFileSync(UPSTREAM_BUNDLE);
  pageServer = createServer((req, res) => {
    const isBundle = req.url === '/amazon-connect-chat.js';
    res.writeHead(200, { 'Content-Type': isBundle ? 'text/javascript' : 'text/html' });
    res.end(isBundle ? bundle : PAGE_HTML);
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(pageServer.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve(undefined)));
});

/** A page with upstream's customer session on a new contact; `window.__seen` holds the labels of what it saw. */
async function upstreamCustomer(emu: TestEmulator, name: string): Promise<{ page: Page; contactId: string }> {
  const started = await emu.startChat({ ParticipantDetails: { DisplayName: name }, SupportedMessagingContentTypes: INTERACTIVE_TYPES });
  const page = await browser.newPage();
  opened.push({ close: () => page.close() });
  await page.goto(`${origin}/`);
  await page.evaluate(
    async ({ endpoint, chatDetails, labelSource }) => {
      const w = window as any;
      const label = new Function(`return (${labelSource})`)();
      w.__seen = [];
      w.__items = [];
      w.__ended = false;
      w.connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint });
      const session = w.connect.ChatSession.create({ chatDetails, type: 'CUSTOMER', disableCSM: true });
      w.__session = session;
      const ids = new Set();
      const record = (event: any) => {
        if (event.data.Id && ids.has(event.data.Id)) return;
        ids.add(event.data.Id);
        w.__items.push(event.data);
        w.__seen.push(label(event.data));
      };
      session.onMessage(record);
      session.onParticipantIdle(record);
      session.onParticipantReturned(record);
      session.onAutoDisconnection(record);
      session.onEnded(() => {
        w.__ended = true;
      });
      await session.connect();
      // What happened before the connection, first (as a widget shows the transcript).
      const { data } = await session.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
      const earlier = (data.Transcript || []).filter((item: any) => item.Type !== 'MESSAGEMETADATA' && !ids.has(item.Id));
      earlier.forEach((item: any) => ids.add(item.Id));
      w.__items.unshift(...earlier);
      w.__seen.unshift(...earlier.map(label));
    },
    { endpoint: emu.url, chatDetails: { ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken }, labelSource: labelOf.toString() },
  );
  return { page, contactId: started.ContactId };
}

async function untilSeen(page: Page, label: string, count = 1): Promise<void> {
  await page.waitForFunction(([wanted, times]) => (window as any).__seen.filter((seen: string) => seen === wanted).length >= times, [label, count] as const, { timeout: 20_000 });
}

/** Answers the newest template in the page, as a widget would: an interactive.response naming the choice. */
async function choose(page: Page, title: string, extra: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(
    async ({ title: chosen, extra: more }) => {
      const w = window as any;
      const latest = [...w.__items].reverse().find((item: any) => item.ContentType === 'application/vnd.amazonaws.connect.message.interactive');
      const template = JSON.parse(latest.Content);
      const response: any = { templateType: template.templateType, version: '1.0', data: { content: { title: chosen, ...more } } };
      if (more.templateIdentifier) {
        response.templateIdentifier = more.templateIdentifier;
        delete response.data.content.templateIdentifier;
      }
      await w.__session.sendMessage({ contentType: 'application/vnd.amazonaws.connect.message.interactive.response', message: JSON.stringify(response) });
    },
    { title, extra },
  );
}

async function seen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__seen as string[]);
}

async function acceptAs(emu: TestEmulator, login: string, contactId: string): Promise<CcpClient> {
  const ccp = new CcpClient(emu, login);
  opened.push({ close: () => ccp.close() });
  await ccp.setState('Available');
  await ccp.contactState(contactId, 'connecting');
  const { err } = await ccp.request('acceptContact', { contactId });
  if (err) throw new Error(err.message);
  return ccp;
}

it('5.0.0 goes through the demo flow: every template, the handover, the agent joining', async () => {
  const emu = await startTestEmulator({ bot: 'demo', botDelayMs: 5 });
  opened.push(emu);
  const { page, contactId } = await upstreamCustomer(emu, 'Ana');
  await untilSeen(page, 'SYSTEM BOT: [ListPicker]');
  await choose(page, 'Track an order');
  await untilSeen(page, 'SYSTEM BOT: [Panel]');
  await choose(page, 'Web shop');
  await untilSeen(page, 'SYSTEM BOT: [QuickReply]');
  await choose(page, 'Show the menu');
  await untilSeen(page, 'SYSTEM BOT: [ListPicker]', 2);
  await choose(page, 'Book a visit');
  await untilSeen(page, 'SYSTEM BOT: [TimePicker]');
  const slot = await page.evaluate(() => JSON.parse((window as any).__items.at(-1).Content).data.content.timeslots[0]);
  await choose(page, slot.date, { timeslot: slot });
  await untilSeen(page, 'SYSTEM BOT: [QuickReply]', 2);
  await choose(page, 'Show the menu');
  await untilSeen(page, 'SYSTEM BOT: [ListPicker]', 3);
  await choose(page, 'Compare plans');
  await untilSeen(page, 'SYSTEM BOT: [Carousel]');
  await choose(page, 'Choose Plus', { templateIdentifier: 'plus' });
  await untilSeen(page, 'SYSTEM BOT: [QuickReply]', 3);
  await choose(page, 'Talk to an agent');
  await acceptAs(emu, 'sam', contactId);
  await untilSeen(page, 'AGENT participant.joined');
  expect(notInOrder(await seen(page), DEMO_FLOW_CUSTOMER)).toBeUndefined();
});

it('5.0.0 sees the idle timers: idle, returned, idle, auto-disconnection, agent left, chat ended', async () => {
  const emu = await startTestEmulator({ contactCenter: { timeouts: { customerIdleMs: 400, customerDisconnectMs: 600 } } });
  opened.push(emu);
  const { page, contactId } = await upstreamCustomer(emu, 'Ana');
  await acceptAs(emu, 'sam', contactId);
  await untilSeen(page, 'CUSTOMER participant.idle');
  await page.evaluate(() => (window as any).__session.sendMessage({ contentType: 'text/plain', message: 'I am back' }));
  await page.waitForFunction(() => (window as any).__ended === true, undefined, { timeout: 20_000 });
  expect(notInOrder(await seen(page), TIMEOUT_CUSTOMER)).toBeUndefined();
});

it('5.0.0 is told its place in the queue, and the no-agent path ends the chat', async () => {
  const emu = await startTestEmulator({ bot: 'demo', botDelayMs: 5, contactCenter: { maxQueueWaitMs: 500 } });
  opened.push(emu);
  const { page } = await upstreamCustomer(emu, 'Ana');
  await untilSeen(page, 'SYSTEM BOT: [ListPicker]');
  await page.evaluate(() => (window as any).__session.sendMessage({ contentType: 'text/plain', message: 'agent' }));
  await page.waitForFunction(() => (window as any).__ended === true, undefined, { timeout: 20_000 });
  expect(notInOrder(await seen(page), [
      'SYSTEM SYSTEM_MESSAGE: Thanks! Connecting you to an agent.',
      'SYSTEM SYSTEM_MESSAGE: You are number 1 in the BasicQueue queue. Expected wait: about 1 minute.',
      'SYSTEM SYSTEM_MESSAGE: Sorry, no agents are available right now. Please try again later.',
      'SERVICE chat.ended',
    ])).toBeUndefined();
});

it('5.0.0 sees a transfer between agents and a supervisor barging in', async () => {
  const emu = await startTestEmulator({});
  opened.push(emu);
  const { page, contactId } = await upstreamCustomer(emu, 'Ana');
  await acceptAs(emu, 'sam', contactId);
  const kim = new CcpClient(emu, 'kim');
  opened.push({ close: () => kim.close() });
  await kim.agentData();
  expect((await emu.control('POST', `/emulator/contacts/${contactId}/transfer`, { agent: 'kim' })).status).toBe(200);
  await kim.setState('Available');
  await kim.contactState(contactId, 'connecting');
  expect((await kim.request('acceptContact', { contactId })).err).toBeUndefined();
  await untilSeen(page, 'AGENT participant.joined', 2);
  const monitor = await emu.control('POST', `/emulator/contacts/${contactId}/monitor`, { displayName: 'Sue' });
  await emu.control('POST', `/emulator/contacts/${contactId}/barge`, { participantId: monitor.body.ParticipantId });
  await untilSeen(page, 'SUPERVISOR participant.joined');
  expect(notInOrder(await seen(page), ['AGENT participant.joined', 'AGENT transfer.succeeded', 'AGENT participant.left', 'AGENT participant.joined', 'SUPERVISOR participant.joined'])).toBeUndefined();
});
