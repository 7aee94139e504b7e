// What a relay builds on (docs/node.md): items one at a time with back-pressure (session.items()), explicit
// resume outcomes (the chat ended meanwhile, an unknown resume position) and close() without leaving the chat,
// against the emulator.
import { spawn } from 'child_process';
import { join } from 'path';
import { ChatEndedException, IllegalStateException, UnknownResumeItemException } from '../../../src/errors';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';
import type { ChatTranscriptItem } from '../../../src/types';
import { ChatSession, nextEvent, sdkWorld, sendAs, type SdkWorld } from '../../support/sdk/sdkWorld';

jest.setTimeout(60_000);

let world: SdkWorld;
beforeAll(async () => {
  world = await sdkWorld();
});
afterAll(async () => {
  await world.close();
});

async function joinAgent(contactId: string): Promise<string> {
  const answer = await world.emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Ada' });
  if (answer.status !== 201) throw new Error(`agent join failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as { ParticipantId: string }).ParticipantId;
}

async function contactState(contactId: string): Promise<string | undefined> {
  const { contacts } = (await world.emulator.control('GET', '/emulator/contacts')).body as { contacts: Array<{ contactId: string; state: string }> };
  return contacts.find((contact) => contact.contactId === contactId)?.state;
}

function resumed(chat: { contactId: string; participantId: string; session: CustomerChatSession }): CustomerChatSession {
  const { participantToken } = chat.session.getChatDetails();
  const session = ChatSession.create({
    type: 'CUSTOMER',
    chatDetails: { contactId: chat.contactId, participantId: chat.participantId, participantToken: participantToken as string },
    disableCSM: true,
  });
  world.sessions.push(session);
  return session;
}

const agentTexts = (items: ChatTranscriptItem[]): string[] =>
  items.filter((item) => item.Type === 'MESSAGE' && item.ParticipantRole === 'AGENT').map((item) => item.Content ?? '');

describe('session.items()', () => {
  it('hands out the next item only after the work on the previous one settled, in order', async () => {
    const chat = await world.customer();
    const agentId = await joinAgent(chat.contactId);
    const items = chat.session.items();
    const handled: string[] = [];
    let working = 0;
    let overlapped = false;
    const sent = ['one', 'two', 'three', 'four', 'five'];
    for (const text of sent) await sendAs(world.emulator, chat.contactId, agentId, text);
    for await (const item of items) {
      working += 1;
      if (working > 1) overlapped = true;
      // Slow, uneven asynchronous work per item: a later item must still wait for it.
      await new Promise((resolve) => setTimeout(resolve, item.Content === 'one' ? 120 : 10));
      if (item.Type === 'MESSAGE' && item.ParticipantRole === 'AGENT') handled.push(item.Content ?? '');
      working -= 1;
      if (handled.length === sent.length) break;
    }
    expect(overlapped).toBe(false);
    expect(handled).toEqual(sent);
  });

  it('ends after the chat.ended item, and leaves out typing unless asked', async () => {
    const chat = await world.customer();
    const agentId = await joinAgent(chat.contactId);
    const items = chat.session.items();
    const withTyping = chat.session.items({ includeTransient: true });
    await world.emulator.control('POST', `/emulator/contacts/${chat.contactId}/events`, {
      contentType: 'application/vnd.amazonaws.connect.event.typing',
      participantId: agentId,
    });
    await sendAs(world.emulator, chat.contactId, agentId, 'bye');
    await world.emulator.control('POST', `/emulator/contacts/${chat.contactId}/end`);
    const seen: ChatTranscriptItem[] = [];
    for await (const item of items) seen.push(item);
    expect(seen.map((item) => item.ContentType)).not.toContain('application/vnd.amazonaws.connect.event.typing');
    expect(agentTexts(seen)).toEqual(['bye']);
    expect(seen[seen.length - 1].ContentType).toBe('application/vnd.amazonaws.connect.event.chat.ended');
    const all: ChatTranscriptItem[] = [];
    for await (const item of withTyping) all.push(item);
    expect(all.length).toBeGreaterThan(seen.length);
  });
});

describe('resume outcomes', () => {
  it('a chat that ended while the session was away: onEnded fires and connect() rejects with ChatEndedException', async () => {
    const chat = await world.customer();
    const agentId = await joinAgent(chat.contactId);
    await sendAs(world.emulator, chat.contactId, agentId, 'before the restart');
    await chat.log.until((items) => agentTexts(items).length === 1);
    const lastId = chat.log.items[chat.log.items.length - 1].Id;
    chat.session.close();
    await world.emulator.control('POST', `/emulator/contacts/${chat.contactId}/end`);
    const next = resumed(chat);
    const ended = nextEvent(next.onEnded.bind(next), 10_000, 'onEnded');
    await expect(next.connect({ resumeAfterItemId: lastId })).rejects.toBeInstanceOf(ChatEndedException);
    await ended;
    expect(next.controller.getState()).toBe('ended');
    await expect(next.sendMessage({ message: 'hello?' })).rejects.toBeInstanceOf(IllegalStateException);
  });

  it('an unknown resume position: connect() rejects with an error naming it, and the session can connect again', async () => {
    const chat = await world.customer();
    chat.session.close();
    const next = resumed(chat);
    const failure = await next.connect({ resumeAfterItemId: 'no-such-item' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnknownResumeItemException);
    expect((failure as UnknownResumeItemException).itemId).toBe('no-such-item');
    expect((failure as Error).message).toContain('resumeAfterItemId "no-such-item"');
    expect(next.controller.getState()).toBe('broken');
    await expect(next.connect()).resolves.toMatchObject({ connectSuccess: true });
    expect(next.controller.getState()).toBe('connected');
  });
});

describe('close()', () => {
  it('lets go of the chat without leaving it: a new session resumes and gets what was sent meanwhile', async () => {
    const chat = await world.customer();
    const agentId = await joinAgent(chat.contactId);
    await sendAs(world.emulator, chat.contactId, agentId, 'first');
    await chat.log.until((items) => agentTexts(items).length === 1);
    const lastId = chat.log.items[chat.log.items.length - 1].Id;
    const items = chat.session.items();
    chat.session.close();
    chat.session.close(); // twice is fine
    expect(chat.session.controller.getState()).toBe('closed');
    expect(chat.session.controller.hasEnded).toBe(false);
    await expect(items.next()).resolves.toEqual({ value: undefined, done: true });
    await expect(chat.session.sendMessage({ message: 'x' })).rejects.toThrow('No active connection');
    await expect(chat.session.connect()).rejects.toThrow('closed');
    await sendAs(world.emulator, chat.contactId, agentId, 'while nobody listened');
    expect(await contactState(chat.contactId)).toBe('ACTIVE');
    const next = resumed(chat);
    const nextItems = next.items();
    await next.connect({ resumeAfterItemId: lastId });
    const first = await nextItems.next();
    expect(first.value?.Content).toBe('while nobody listened');
    expect(chat.log.items.map((item) => item.Content)).not.toContain('while nobody listened');
  });

  it('after close() the Node process exits by itself: no socket, timer or listener is left', async () => {
    const started = await world.emulator.startChat();
    const script = join(__dirname, '../../fixtures/closeAndExit.js');
    const child = spawn(process.execPath, [script, world.emulator.url, JSON.stringify(started)], { cwd: join(__dirname, '../../..') });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 20_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('closed connected') });
    expect(await contactState(started.ContactId)).toBe('ACTIVE');
    await world.emulator.control('POST', `/emulator/contacts/${started.ContactId}/end`);
  });
});
