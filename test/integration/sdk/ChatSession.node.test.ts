// This SDK in plain Node as a server-side relay runs it: no global WebSocket (Node 20), `ws` injected, bytes
// instead of Files, OGG/Opus voice notes converted by the optional decoder, many chats in one process, and a
// new session that resumes after the last item an earlier one handled.
import { readFileSync } from 'fs';
import { join } from 'path';
import WebSocket from 'ws';
import { IllegalStateException } from '../../../src/errors';
import { WebSocketManager } from '../../../src/transport';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';
import { ChatSession, MessageLog, nextEvent, sdkWorld, sendAs, type SdkWorld } from '../../support/sdk/sdkWorld';

jest.setTimeout(60_000);

const scope = globalThis as { WebSocket?: unknown };
const builtIn = scope.WebSocket;
let world: SdkWorld;

beforeAll(async () => {
  delete scope.WebSocket; // as in Node 20, where there is none
  world = await sdkWorld();
});
afterAll(async () => {
  ChatSession.setGlobalConfig({ webSocketManagerConfig: { WebSocket: WebSocket } }); // teardown ends every chat
  await world.close();
  ChatSession.setGlobalConfig({ webSocketManagerConfig: { WebSocket: null } });
  scope.WebSocket = builtIn;
}, 30_000);

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../fixtures/voice-notes', name));

async function operations(contactId: string): Promise<string[]> {
  const answer = await world.emulator.control('GET', `/emulator/requests?contactId=${encodeURIComponent(contactId)}`);
  return (answer.body.requests as Array<{ operation: string }>).map((r) => r.operation);
}

/** A customer session on a new chat, not connected yet. */
async function newCustomer(extra: { websocketManager?: ReturnType<typeof WebSocketManager.create> } = {}) {
  const started = await world.emulator.startChat();
  const chatDetails = { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
  const session = ChatSession.create({ type: 'CUSTOMER', chatDetails, disableCSM: true, ...extra });
  world.sessions.push(session);
  return { session, contactId: started.ContactId, participantToken: started.ParticipantToken, log: new MessageLog(session) };
}

/** Agent joins through the control API; returns its participant id. */
async function agentOf(contactId: string): Promise<string> {
  const joined = await world.emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Ada' });
  return joined.body.ParticipantId as string;
}

/** Reads what a WAV header says. */
function wavFacts(bytes: Buffer): { riff: string; channels: number; sampleRate: number; bits: number; seconds: number } {
  const dataBytes = bytes.readUInt32LE(40);
  const sampleRate = bytes.readUInt32LE(24);
  return { riff: bytes.toString('ascii', 0, 4) + bytes.toString('ascii', 8, 12), channels: bytes.readUInt16LE(22), sampleRate, bits: bytes.readUInt16LE(34), seconds: dataBytes / 2 / sampleRate };
}

/** Duration of an OGG/Opus file: the last page's granule position less the pre-skip, at 48 kHz. */
function oggSeconds(bytes: Buffer): number {
  const lastPage = bytes.lastIndexOf('OggS');
  const granule = Number(bytes.readBigUInt64LE(lastPage + 6));
  const preSkip = bytes.readUInt16LE(bytes.indexOf('OpusHead') + 10);
  return (granule - preSkip) / 48_000;
}

describe('Node without a global WebSocket', () => {
  it('connect() rejects at once, saying what to install and pass, and calls no service', async () => {
    ChatSession.setGlobalConfig({ webSocketManagerConfig: { WebSocket: null } });
    const { session, contactId } = await newCustomer();
    const error = await session.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IllegalStateException);
    expect((error as Error).message).toMatch(/no WebSocket.*Install the "ws" package.*setGlobalConfig\(\{ webSocketManagerConfig: \{ WebSocket: require\('ws'\) \} \}\)/);
    expect(await operations(contactId)).toEqual([]);
    // Injecting one afterwards makes the same session usable.
    ChatSession.setGlobalConfig({ webSocketManagerConfig: { WebSocket } });
    await expect(session.connect()).resolves.toMatchObject({ connectSuccess: true });
  });
});

describe('Node with ws injected', () => {
  beforeAll(() => ChatSession.setGlobalConfig({ webSocketManagerConfig: { WebSocket } }));

  it('runs a whole chat: messages both ways, and the end', async () => {
    const { session, contactId, log } = await newCustomer();
    await session.connect();
    const agentId = await agentOf(contactId);
    await session.sendMessage({ message: 'hello from Node' });
    await sendAs(world.emulator, contactId, agentId, 'hello from the agent');
    await log.until((items) => items.some((i) => i.Content === 'hello from the agent'), 10_000, 'agent message');
    expect(log.texts()).toEqual(expect.arrayContaining(['hello from Node', 'hello from the agent']));
    const ended = nextEvent(session.onEnded.bind(session), 10_000, 'onEnded');
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/end`);
    await ended;
    expect(session.controller.hasEnded).toBe(true);
  });

  it('a CUSTOMER session starts the websocketManager it is given and receives through it', async () => {
    const manager = WebSocketManager.create({ WebSocket });
    const { session, contactId, log } = await newCustomer({ websocketManager: manager });
    await session.connect();
    expect(manager.getState()).toBe('open');
    await sendAs(world.emulator, contactId, await agentOf(contactId), 'through your manager');
    await log.until((items) => items.some((i) => i.Content === 'through your manager'), 10_000, 'agent message');
  });

  it.each([
    ['Buffer', (bytes: Buffer) => bytes],
    ['Uint8Array', (bytes: Buffer) => new Uint8Array(bytes)],
    ['ArrayBuffer', (bytes: Buffer) => new Uint8Array(bytes).buffer],
  ])('an attachment from a %s round-trips byte for byte', async (_kind, toData) => {
    const { session, log } = await newCustomer();
    await session.connect();
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const sent = await session.sendAttachment({ attachment: { name: 'photo.png', type: 'image/png', data: toData(bytes) } });
    await log.until((items) => items.some((i) => i.Type === 'ATTACHMENT'), 10_000, 'attachment item');
    const blob = await session.downloadAttachment({ attachmentId: sent.data.AttachmentId as string });
    expect(Buffer.from(await blob.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it.each([
    ['voice-note.ogg', 'audio/ogg; codecs=opus'],
    ['voice-note.webm', 'audio/webm;codecs=opus'],
  ])('a %s voice note arrives as 16 kHz mono 16-bit WAV of the same length', async (name, type) => {
    const { session, log } = await newCustomer();
    await session.connect();
    const source = fixture(name);
    const sent = await session.sendAttachment({ attachment: { name, type, data: source } });
    await log.until((items) => items.some((i) => i.Type === 'ATTACHMENT'), 10_000, 'voice note item');
    const item = log.items.find((i) => i.Type === 'ATTACHMENT');
    expect(item?.Attachments?.[0]).toMatchObject({ AttachmentName: 'voice-note.wav', ContentType: 'audio/wav' });
    const wav = Buffer.from(await (await session.downloadAttachment({ attachmentId: sent.data.AttachmentId as string })).arrayBuffer());
    const facts = wavFacts(wav);
    expect(facts).toMatchObject({ riff: 'RIFFWAVE', channels: 1, sampleRate: 16_000, bits: 16 });
    const expected = oggSeconds(fixture('voice-note.ogg')); // both files hold the same speech
    expect(Math.abs(facts.seconds - expected) / expected).toBeLessThan(0.05);
  });

  it('20 conversations at once in one process, with no cross-talk', async () => {
    const chats = await Promise.all(Array.from({ length: 20 }, () => newCustomer()));
    await Promise.all(chats.map((chat) => chat.session.connect()));
    const agents = await Promise.all(chats.map((chat) => agentOf(chat.contactId)));
    await Promise.all(
      chats.map(async (chat, n) => {
        await chat.session.sendMessage({ message: `customer ${n}` });
        await sendAs(world.emulator, chat.contactId, agents[n] as string, `agent to ${n}`);
      }),
    );
    await Promise.all(chats.map((chat, n) => chat.log.until((items) => items.some((i) => i.Content === `agent to ${n}`), 20_000, `reply ${n}`)));
    chats.forEach((chat, n) => {
      expect(chat.log.texts().sort()).toEqual([`agent to ${n}`, `customer ${n}`].sort());
      expect(new Set(chat.log.items.map((i) => i.ContactId))).toEqual(new Set([chat.contactId]));
    });
  });

  it('a new session given the last handled item Id gets every later item once, in order, before live ones', async () => {
    const first = await newCustomer();
    await first.session.connect();
    const agentId = await agentOf(first.contactId);
    await sendAs(world.emulator, first.contactId, agentId, 'handled before the restart');
    await first.log.until((items) => items.some((i) => i.Content === 'handled before the restart'), 10_000, 'first message');
    const lastHandled = first.log.items.find((i) => i.Content === 'handled before the restart')?.Id as string;
    // The "restart": the first session is forgotten; the agent writes while no one listens.
    const missed = ['one', 'two', 'three', 'four', 'five'];
    for (const text of missed) await sendAs(world.emulator, first.contactId, agentId, text);

    const chatDetails = first.session.getChatDetails();
    const second = ChatSession.create({
      type: 'CUSTOMER',
      chatDetails: { contactId: chatDetails.contactId, participantId: chatDetails.participantId, participantToken: first.participantToken },
      disableCSM: true,
    }) as CustomerChatSession;
    world.sessions.push(second);
    const log = new MessageLog(second);
    await second.connect({ resumeAfterItemId: lastHandled });
    await sendAs(world.emulator, first.contactId, agentId, 'live');
    await log.until((items) => items.some((i) => i.Content === 'live'), 10_000, 'live message');
    expect(log.texts('AGENT')).toEqual([...missed, 'live']);
  });

  it('refuses a resume point that is not an item Id, naming the option', async () => {
    const { session } = await newCustomer();
    await expect(session.connect({ resumeAfterItemId: '' })).rejects.toMatchObject({ name: 'IllegalArgument', argument: 'resumeAfterItemId' });
  });
});
