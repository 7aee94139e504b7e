// Fidelity: the published amazon-connect-chatjs 5.0.0 bundle, unchanged, in headless Chromium against
// the emulator. The page is served from another origin (http://localhost:<port>, the emulator being
// http://127.0.0.1:<port>) so CORS is exercised too. A real loopback server rather than page.route:
// Chromium's local-network-access check refuses requests to 127.0.0.1 from a page of unknown address space.
import { readFileSync } from 'fs';
import { createServer, Server } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SendEventCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { ChatParticipant, EVENT_PREFIX, startTestEmulator, TestEmulator } from '../support/emulator/testEmulator';
import { launchBrowser } from '../support/browser/browser';

jest.setTimeout(60_000);

const UPSTREAM_BUNDLE = path.join(__dirname, '../../node_modules/upstream-chatjs/dist/amazon-connect-chat.js');
const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><script src="/amazon-connect-chat.js"></script></head><body>fidelity</body></html>`;

let emu: TestEmulator;
let pageServer: Server;
let browser: Browser;
let page: Page;

/** Serves the test page and the upstream bundle, nothing else. */
async function startPageServer(): Promise<{ server: Server; origin: string }> {
  const bundle = readFileSync(UPSTREAM_BUNDLE);
  const server = createServer((req, res) => {
    const isBundle = req.url === '/amazon-connect-chat.js';
    res.writeHead(200, { 'Content-Type': isBundle ? 'text/javascript' : 'text/html' });
    res.end(isBundle ? bundle : PAGE_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  emu = await startTestEmulator({ botDelayMs: 10 });
  const pageHost = await startPageServer();
  pageServer = pageHost.server;
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${pageHost.origin}/`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve(undefined)));
  await emu?.close();
});

/** Waits until the page recorded an event matching the serialized predicate. */
async function waitForPageEvent(name: string, includes = ''): Promise<unknown> {
  const handle = await page.waitForFunction(
    ([eventName, text]) => (window as any).__events.find((event: { name: string; json: string }) => event.name === eventName && event.json.includes(text)),
    [name, includes] as const,
    { timeout: 15_000 },
  );
  return handle.jsonValue();
}

describe('amazon-connect-chatjs 5.0.0 against the emulator', () => {
  let customer: Omit<ChatParticipant, 'socket' | 'connectionToken' | 'websocketUrl'>;
  let agent: ChatParticipant;

  it('connects a customer session (CORS, websocket URL rule, connection expiry fields)', async () => {
    const started = await emu.startChat({ ParticipantDetails: { DisplayName: 'Fidelity' } });
    customer = { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
    const connected = await page.evaluate(
      async ({ endpoint, chatDetails }) => {
        const w = window as any;
        w.__events = [];
        w.connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint, features: { messageReceipts: { shouldSendMessageReceipts: true, throttleTime: 200 } } });
        const session = w.connect.ChatSession.create({ chatDetails, type: 'CUSTOMER', disableCSM: true });
        w.__session = session;
        const record = (name: string) => (event: unknown) => w.__events.push({ name, json: JSON.stringify(event ?? null) });
        session.onConnectionEstablished(record('established'));
        session.onMessage(record('message'));
        session.onTyping(record('typing'));
        session.onReadReceipt(record('read'));
        session.onDeliveredReceipt(record('delivered'));
        session.onEnded(record('ended'));
        session.onConnectionBroken(record('broken'));
        const result = await session.connect();
        return result.connectSuccess;
      },
      { endpoint: emu.url, chatDetails: { ContactId: customer.contactId, ParticipantId: customer.participantId, ParticipantToken: customer.participantToken } },
    );
    expect(connected).toBe(true);
    await waitForPageEvent('established', '"data":{}');
    agent = await emu.agent(customer.contactId, 'Agent Smith');
    await waitForPageEvent('message', 'participant.joined');
  });

  it('sends a message the agent receives', async () => {
    const id = await page.evaluate(async () => (await (window as any).__session.sendMessage({ contentType: 'text/plain', message: 'hello from chatjs' })).data.Id);
    const item = await agent.socket.waitForItem((candidate) => candidate.Id === id);
    expect(item).toMatchObject({ Content: 'hello from chatjs', ParticipantRole: 'CUSTOMER', ParticipantId: customer.participantId });
  });

  it('receives the agent\'s messages and typing', async () => {
    const client = emu.participantClient();
    await client.send(new SendEventCommand({ ConnectionToken: agent.connectionToken, ContentType: `${EVENT_PREFIX}typing` }));
    await waitForPageEvent('typing', agent.participantId);
    await client.send(new SendMessageCommand({ ConnectionToken: agent.connectionToken, ContentType: 'text/plain', Content: 'hello from the agent' }));
    const event = (await waitForPageEvent('message', 'hello from the agent')) as { json: string };
    expect(JSON.parse(event.json).data).toMatchObject({ ParticipantRole: 'AGENT', DisplayName: 'Agent Smith', Type: 'MESSAGE' });
  });

  it('sends typing and read receipts, and gets the agent\'s receipts', async () => {
    const agentMessage = await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: agent.connectionToken, ContentType: 'text/plain', Content: 'please read' }));
    await page.evaluate(async (messageId) => {
      const session = (window as any).__session;
      await session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
      await session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.message.read', content: JSON.stringify({ messageId }) });
    }, agentMessage.Id);
    await agent.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}typing` && item.ParticipantId === customer.participantId);
    const receipt = await agent.socket.waitForItem((item) => item.Type === 'MESSAGEMETADATA' && item.MessageMetadata?.MessageId === agentMessage.Id);
    expect(receipt.MessageMetadata?.Receipts?.[0]).toMatchObject({ ReadTimestamp: expect.any(String), RecipientParticipantId: customer.participantId });

    const customerMessageId = await page.evaluate(async () => (await (window as any).__session.sendMessage({ contentType: 'text/plain', message: 'read me' })).data.Id);
    await emu.participantClient().send(new SendEventCommand({ ConnectionToken: agent.connectionToken, ContentType: `${EVENT_PREFIX}message.read`, Content: JSON.stringify({ messageId: customerMessageId }) }));
    const read = (await waitForPageEvent('read', customerMessageId)) as { json: string };
    expect(JSON.parse(read.json).data.MessageMetadata.Receipts[0].RecipientParticipantId).toBe(agent.participantId);
  });

  it('uploads an attachment and downloads it again', async () => {
    const text = await page.evaluate(async () => {
      const session = (window as any).__session;
      const file = new File(['attachment body from the browser'], 'note.txt', { type: 'text/plain' });
      await session.sendAttachment({ attachment: file });
      return null;
    });
    expect(text).toBeNull();
    const attachment = await agent.socket.waitForItem((item) => item.Type === 'ATTACHMENT');
    expect(attachment.Attachments?.[0]).toMatchObject({ AttachmentName: 'note.txt', ContentType: 'text/plain', Status: 'APPROVED' });
    await waitForPageEvent('message', attachment.Attachments?.[0].AttachmentId ?? '-');
    const downloaded = await page.evaluate(async (attachmentId) => {
      const blob = await (window as any).__session.downloadAttachment({ attachmentId });
      return { text: await blob.text(), type: blob.type };
    }, attachment.Attachments?.[0].AttachmentId);
    expect(downloaded).toEqual({ text: 'attachment body from the browser', type: 'text/plain' });
  });

  it('pages the transcript', async () => {
    const pages = await page.evaluate(async () => {
      const session = (window as any).__session;
      const first = await session.getTranscript({ maxResults: 3, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
      const second = await session.getTranscript({ maxResults: 3, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD', nextToken: first.data.NextToken });
      const all = await session.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING' });
      return { first: first.data, second: second.data, total: all.data.Transcript.length };
    });
    expect(pages.first.Transcript).toHaveLength(3);
    expect(pages.first.InitialContactId).toBe(customer.contactId);
    expect(pages.second.Transcript).toHaveLength(3);
    const firstTimes = pages.first.Transcript.map((item: { AbsoluteTime: string }) => item.AbsoluteTime);
    const secondTimes = pages.second.Transcript.map((item: { AbsoluteTime: string }) => item.AbsoluteTime);
    expect(secondTimes[2] < firstTimes[0]).toBe(true);
    expect(pages.total).toBeGreaterThan(6);
  });

  it('ends the chat: disconnectParticipant, then chat.ended reaches onEnded', async () => {
    await page.evaluate(async () => {
      await (window as any).__session.disconnectParticipant();
    });
    await waitForPageEvent('ended');
    await agent.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}chat.ended`);
    const broken = await page.evaluate(() => (window as any).__events.filter((event: { name: string }) => event.name === 'broken').length);
    expect(broken).toBe(0);
  });
});
