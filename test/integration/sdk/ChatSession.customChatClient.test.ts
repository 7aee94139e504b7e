// A customer whose Participant Service calls go through the app's own client (upstream 5.2.0's
// customChatClient): a ChatClient subclass posts every call to a tiny backend (test/support/sdk/tokenProxy.ts),
// which calls the emulator. The chat works both ways; with a backend that keeps the tokens, none reaches the page.
import { CONTENT_TYPE } from '../../../src/constants';
import { MessageLog, nextEvent, sdkWorld, sendAs, ChatSession, type SdkWorld } from '../../support/sdk/sdkWorld';
import { ProxyChatClient, startTokenProxy, type TokenProxy } from '../../support/sdk/tokenProxy';

jest.setTimeout(30_000);

let world: SdkWorld;
let proxy: TokenProxy;
beforeEach(async () => {
  world = await sdkWorld();
  proxy = await startTokenProxy(world.emulator.participantClient());
});
afterEach(async () => {
  ChatSession.setGlobalConfig({ customChatClient: null });
  await world.close();
  await proxy.close();
});

async function operations(contactId: string, operation: string): Promise<Array<{ status: number; clientToken?: string }>> {
  const answer = await world.emulator.control('GET', `/emulator/requests?contactId=${encodeURIComponent(contactId)}&operation=${operation}`);
  return answer.body.requests as Array<{ status: number; clientToken?: string }>;
}

describe('a custom client whose backend keeps the tokens', () => {
  it('chats both ways, sends typing, reads the transcript and leaves, and the page never holds a token', async () => {
    const started = await world.emulator.startChat();
    proxy.hold('chat-1', started.ParticipantToken);
    const session = ChatSession.create({
      type: 'CUSTOMER',
      chatDetails: { contactId: started.ContactId, participantId: started.ParticipantId },
      options: { customChatClient: new ProxyChatClient(proxy.url, 'chat-1') },
      disableCSM: true,
    });
    world.sessions.push(session);
    const log = new MessageLog(session);
    await session.connect();
    const agent = await world.emulator.agent(started.ContactId, 'Ada');

    await session.sendMessage({ message: 'hello through my backend' });
    await agent.socket.waitForItem((item) => item.Content === 'hello through my backend', 5000, 'customer message at the agent');
    await sendAs(world.emulator, started.ContactId, agent.participantId, 'hi, Ada here');
    await log.until((items) => items.some((item) => item.Content === 'hi, Ada here'), 5000, 'agent message at the customer');

    await session.sendEvent({ contentType: CONTENT_TYPE.typing });
    await agent.socket.waitForItem((item) => item.ContentType === CONTENT_TYPE.typing && item.ParticipantId === started.ParticipantId, 5000, 'typing at the agent');

    const page = await session.getTranscript({ maxResults: 50, sortOrder: 'ASCENDING' });
    const texts = (page.data.Transcript ?? []).filter((item) => item.Type === 'MESSAGE').map((item) => item.Content);
    expect(texts).toEqual(['hello through my backend', 'hi, Ada here']);

    // What the page sent and kept: no participant token, no connection token.
    expect(proxy.requests.map((r) => r.args.participantToken ?? r.args.connectionToken ?? null)).toEqual(proxy.requests.map(() => null));
    expect(session.getChatDetails().participantToken).toBeNull();
    expect(session.getChatDetails().connectionDetails?.connectionToken).toBe('');

    const ended = nextEvent(session.onEnded.bind(session), 5000, 'onEnded');
    await session.disconnectParticipant();
    await ended;
    expect(await operations(started.ContactId, 'DisconnectParticipant')).toEqual([expect.objectContaining({ status: 200 })]);
  });
});

describe('a custom client set globally that passes the tokens through', () => {
  it('serves a session created afterwards; a send the backend refuses with a 503 waits in the outbox and arrives once', async () => {
    ChatSession.setGlobalConfig({ customChatClient: new ProxyChatClient(proxy.url, 'passthrough') });
    const { session, contactId, log } = await world.customer();
    const agent = await world.emulator.agent(contactId, 'Ada');
    expect(proxy.requests[0]).toMatchObject({ operation: 'createParticipantConnection', args: { participantToken: expect.any(String) } });

    proxy.failNext('sendMessage', 503, 'ServiceUnavailableException');
    const sent = await session.sendMessage({ message: 'sent once despite the busy backend' });
    expect(sent.data.Id).toEqual(expect.any(String));
    await agent.socket.waitForItem((item) => item.Content === 'sent once despite the busy backend', 5000, 'message at the agent');

    const tries = proxy.requests.filter((r) => r.operation === 'sendMessage');
    expect(tries).toHaveLength(2);
    expect(tries[0].args.clientToken).toBe(tries[1].args.clientToken);
    expect(tries[1].args.connectionToken).toBe(session.getChatDetails().connectionDetails?.connectionToken);
    expect(await operations(contactId, 'SendMessage')).toEqual([expect.objectContaining({ status: 200, clientToken: tries[0].args.clientToken })]);

    await sendAs(world.emulator, contactId, agent.participantId, 'got it');
    await log.until((items) => items.some((item) => item.Content === 'got it'), 5000, 'agent reply');
  });
});
