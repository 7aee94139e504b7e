// The emulated CCP's server side: the /ccp-v2/ page files, the agent channel's requests, routing of
// StartChatContact chats to agents (round robin, queue, reject), the agent chat socket, the control API's
// agent list, and the echo bot handing over to a human agent. The browser side: test/e2e/examples.agentStreams.
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import WebSocket from 'ws';
import { CcpClient } from '../../support/emulator/ccpClient';
import { EVENT_PREFIX, FrameCollector, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';

let emu: TestEmulator;
const clients: CcpClient[] = [];

function login(name: string): CcpClient {
  const client = new CcpClient(emu, name);
  clients.push(client);
  return client;
}

beforeEach(async () => {
  emu = await startTestEmulator();
});
afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await emu.close();
});

function agentConnectionOf(contact: { connections: Array<{ connectionId: string; type: string; chatMediaInfo?: { connectionData: string } }> }): { participantId: string; participantToken: string } {
  const connection = contact.connections.find((candidate) => candidate.type === 'agent');
  if (!connection?.chatMediaInfo) throw new Error('no agent connection with chatMediaInfo');
  return { participantId: connection.connectionId, participantToken: JSON.parse(connection.chatMediaInfo.connectionData).ConnectionAuthenticationToken };
}

describe('page', () => {
  it('serves the CCP page and its scripts, redirects /ccp-v2 and refuses other names', async () => {
    const page = await emu.control('GET', '/ccp-v2/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('src="ccp.js"');
    expect((await emu.control('GET', '/ccp-v2/ccp.js')).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${emu.url}/ccp-v2`, { redirect: 'manual' })).headers.get('location')).toBe('/ccp-v2/');
    expect((await emu.control('GET', '/ccp-v2/../package.json')).status).toBe(404);
    expect((await emu.control('GET', '/ccp-v2/model.ts')).status).toBe(404);
  });
});

describe('agents and requests', () => {
  it('logs an agent in Offline, lists it, and sets its state', async () => {
    const ana = login('ana');
    const first = await ana.agentData();
    expect(first.snapshot.state).toMatchObject({ name: 'Offline', type: 'offline' });
    expect(first.configuration).toMatchObject({ name: 'ana', username: 'ana', agentARN: expect.stringMatching(/^arn:aws:connect:us-east-1:\d+:instance\/[^/]+\/agent\/[^/]+$/) });
    await ana.setState('Available');
    await ana.agentData((data) => data.snapshot.state.name === 'Available');
    const { body } = await emu.control('GET', '/emulator/agents');
    expect(body).toEqual({ agents: [expect.objectContaining({ login: 'ana', state: 'Available', pages: 1, contacts: [] })], waiting: [] });
  });

  it('refuses the agent channel to a page of another origin', async () => {
    const host = new URL(emu.url).host;
    const channel = (login: string, origin: string): FrameCollector => new FrameCollector(new WebSocket(`${emu.url.replace(/^http/, 'ws')}/ccp-v2/agent?agent=${login}`, { origin }));
    const foreign = channel('mallory', 'http://evil.example');
    await expect(foreign.opened).rejects.toThrow('403');
    const own = channel('ana', `http://${host}`);
    try {
      await own.opened;
      await own.waitFor((frame) => frame.type === 'agent');
      expect((await emu.control('GET', '/emulator/agents')).body.agents.map((agent: { login: string }) => agent.login)).toEqual(['ana']);
    } finally {
      own.close();
    }
  });

  it('keeps at most 500 agents: a new login past that is refused with the reason', async () => {
    const logins = Array.from({ length: 500 }, (_, index) => login(`agent-${index}`));
    await Promise.all(logins.map((client) => client.agentData()));
    const oneTooMany = login('agent-500');
    expect(await oneTooMany.channel.closed).toEqual({ code: 1008, reason: 'The emulated CCP keeps at most 500 agents' });
    await login('agent-0').agentData(); // a known login still gets in
  });

  it('answers an unknown state and an unknown method with an error naming them', async () => {
    const ana = login('ana');
    expect((await ana.request('putAgentState', { state: { name: 'Lunch' } })).err).toMatchObject({ type: 'InvalidStateException', message: expect.stringContaining('Available') });
    expect((await ana.request('muteParticipant', {})).err).toMatchObject({ message: 'muteParticipant is not supported by the emulated CCP' });
    expect((await ana.request('acceptContact', {})).err).toMatchObject({ message: 'contactId must be a non-empty string' });
    expect((await ana.request('transferContact', {})).err).toMatchObject({ message: 'contactId must be a non-empty string' });
    // Quick connects: every queue, then every other agent that logged in (never the agent itself).
    const { endpoints } = (await ana.request('getEndpoints', {})).data as { endpoints: Array<{ type: string; name: string; endpointARN: string }> };
    expect(endpoints[0]).toMatchObject({ type: 'queue', name: 'BasicQueue', endpointARN: expect.stringMatching(/:instance\/.+\/queue\//) });
    expect(endpoints.filter((endpoint) => endpoint.type === 'agent').map((endpoint) => endpoint.name)).not.toContain('ana');
  });
});

describe('routing', () => {
  it('offers chats round robin to Available agents and queues them while none is', async () => {
    const ana = login('ana');
    const bo = login('bo');
    await ana.agentData();
    await bo.agentData();
    const queued = await emu.startChat();
    expect((await emu.control('GET', '/emulator/agents')).body.waiting).toEqual([queued.ContactId]);
    await ana.setState('Available');
    await ana.contactState(queued.ContactId, 'connecting');
    await bo.setState('Available');
    const second = await emu.startChat();
    await bo.contactState(second.ContactId, 'connecting');
    const third = await emu.startChat();
    await ana.contactState(third.ContactId, 'connecting');
    expect((await emu.control('GET', '/emulator/agents')).body.waiting).toEqual([]);
  });

  it('offers a rejected chat to another agent, never again to the one that rejected it', async () => {
    const ana = login('ana');
    const bo = login('bo');
    await ana.agentData();
    await ana.setState('Available');
    const started = await emu.startChat();
    await ana.contactState(started.ContactId, 'connecting');
    expect((await ana.request('rejectContact', { contactId: started.ContactId })).err).toBeUndefined();
    await ana.agentData((data) => data.snapshot.contacts.length === 0);
    expect((await emu.control('GET', '/emulator/agents')).body.waiting).toEqual([started.ContactId]);
    await bo.agentData();
    await bo.setState('Available');
    await bo.contactState(started.ContactId, 'connecting');
  });

  it('returns an unanswered offer to the queue when the agent closes its CCP', async () => {
    const ana = login('ana');
    await ana.setState('Available');
    const started = await emu.startChat();
    await ana.contactState(started.ContactId, 'connecting');
    ana.close();
    const bo = login('bo');
    await bo.setState('Available');
    await bo.contactState(started.ContactId, 'connecting');
  });
});

describe('a chat from offer to clear', () => {
  it('accept joins the agent, chat_token works, the agent socket relays, hang-up ends the chat, clear frees the slot', async () => {
    const ana = login('ana');
    await ana.setState('Available');
    const agentSocket = await ana.openChatSocket();
    const customer = await emu.customer();
    const offered = await ana.contactState(customer.contactId, 'connecting');
    const agentParticipant = agentConnectionOf(offered);

    expect((await ana.request('acceptContact', { contactId: customer.contactId })).err).toBeUndefined();
    await ana.contactState(customer.contactId, 'connected');
    const joined = await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}participant.joined` && item.ParticipantRole === 'AGENT');
    expect(joined).toMatchObject({ ParticipantId: agentParticipant.participantId, DisplayName: 'ana' });

    const token = await ana.request('createTransport', { transportType: 'chat_token', participantId: agentParticipant.participantId, contactId: customer.contactId });
    const connectionToken = token.data.chatTokenTransport.participantToken as string;
    expect(Date.parse(token.data.chatTokenTransport.expiry)).toBeGreaterThan(Date.now() + 60_000);
    await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: connectionToken, ContentType: 'text/plain', Content: 'Hi, agent here' }));
    await customer.socket.waitForItem((item) => item.Content === 'Hi, agent here');
    await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'Hi agent' }));
    await agentSocket.waitForItem((item) => item.Content === 'Hi agent' && item.ContactId === customer.contactId);

    expect((await ana.request('destroyConnection', { contactId: customer.contactId, connectionId: agentParticipant.participantId })).err).toBeUndefined();
    await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}participant.left` && item.ParticipantId === agentParticipant.participantId);
    await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}chat.ended`);
    const ended = await ana.contactState(customer.contactId, 'ended');
    expect(ended.connections.map((connection) => connection.type)).toEqual(['agent', 'inbound']);
    expect((await ana.request('clearContact', { contactId: customer.contactId })).err).toBeUndefined();
    await ana.agentData((data) => data.snapshot.contacts.length === 0);
  });

  it('a customer leaving while offered withdraws the offer; while connected, puts the contact in after-chat work', async () => {
    const ana = login('ana');
    await ana.setState('Available');
    const first = await emu.startChat();
    await ana.contactState(first.ContactId, 'connecting');
    await emu.control('POST', `/emulator/contacts/${first.ContactId}/end`);
    await ana.agentData((data) => data.snapshot.contacts.every((contact) => contact.contactId !== first.ContactId));
    const second = await emu.startChat();
    await ana.contactState(second.ContactId, 'connecting');
    await ana.request('acceptContact', { contactId: second.ContactId });
    await emu.control('POST', `/emulator/contacts/${second.ContactId}/end`);
    await ana.contactState(second.ContactId, 'ended');
  });
});

describe('echo bot and a human agent', () => {
  it('the bot answers until the agent accepts, then stays quiet', async () => {
    await emu.close();
    emu = await startTestEmulator({ bot: 'echo', botDelayMs: 5 });
    const ana = login('ana');
    const customer = await emu.customer();
    const client = emu.participantClient();
    await client.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'before' }));
    await customer.socket.waitForItem((item) => item.Content === 'Echo: before');
    await ana.setState('Available');
    await ana.contactState(customer.contactId, 'connecting');
    await ana.request('acceptContact', { contactId: customer.contactId });
    await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}participant.joined` && item.DisplayName === 'ana');
    await client.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'after' }));
    // Absence can only be seen after the bot's turn: 40 of its 5 ms steps, then a marker. A bot that still
    // answered would have sent its echo (two steps) long before the marker.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await emu.control('POST', `/emulator/contacts/${customer.contactId}/messages`, { role: 'SYSTEM', content: 'marker' });
    await customer.socket.waitForItem((item) => item.Content === 'marker');
    expect(customer.socket.items().map((item) => item.Content)).not.toContain('Echo: after');
  });
});
