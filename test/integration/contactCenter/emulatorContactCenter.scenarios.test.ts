/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The emulator as a contact-center sandbox, seen through this SDK: a customer session, and agents that log
// in through the emulated CCP and run their chat session on Amazon Connect Streams' websocket manager.
// Each scenario asserts the order of what each side's onMessage sees. test/e2e/contactCenter.upstream
// runs the customer side of the same scenarios with amazon-connect-chatjs 5.0.0.
import { UpdateParticipantRoleConfigCommand } from '@aws-sdk/client-connect';
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import * as interactive from '../../../src/interactive/index';
import { CcpClient } from '../../support/emulator/ccpClient';
import { DEMO_FLOW_CUSTOMER, TIMEOUT_CUSTOMER } from '../../support/contactCenter/expected';
import { notInOrder } from '../../support/contactCenter/observe';
import { startWorld, type Watched, type World } from '../../support/contactCenter/world';

jest.setTimeout(60_000);

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The customer answers the newest template with `choice` (built and checked by the SDK's helpers). */
async function choose(customer: Watched, choice: interactive.InteractiveChoice | string): Promise<void> {
  const latest = [...customer.items].reverse().find((item) => item.ContentType === interactive.INTERACTIVE_CONTENT_TYPE);
  const template = interactive.parseInteractiveMessage(latest?.Content ?? '');
  const answer = interactive.interactiveResponse(template, typeof choice === 'string' ? { title: choice } : choice);
  await customer.session.sendMessage({ message: answer.content, contentType: answer.contentType });
}

describe('bot that hands over (--bot demo)', () => {
  it('greets, asks with all five templates, hands over to the queue, and the agent joins', async () => {
    world = await startWorld({ bot: 'demo' });
    const { contactId, watched: customer } = await world.customer('Ana');
    const agentPage = await world.agent('sam');
    const templates = (type: string): number => customer.seen.filter((label) => label === `SYSTEM BOT: [${type}]`).length;

    await customer.untilSeen('SYSTEM BOT: [ListPicker]');
    await choose(customer, 'Track an order');
    await customer.untilSeen('SYSTEM BOT: [Panel]');
    await choose(customer, 'Web shop');
    await customer.untilSeen('SYSTEM BOT: [QuickReply]');
    await choose(customer, 'Show the menu');
    await customer.until(() => templates('ListPicker') === 2, 'menu again');
    await choose(customer, 'Book a visit');
    await customer.untilSeen('SYSTEM BOT: [TimePicker]');
    const picker = interactive.parseInteractiveMessage(customer.items[customer.items.length - 1].Content ?? '');
    if (picker.templateType !== 'TimePicker') throw new Error('expected the time picker last');
    await choose(customer, { timeslot: picker.data.content.timeslots[0] });
    await customer.untilSeen('SYSTEM BOT: [QuickReply]', 2);
    await choose(customer, 'Show the menu');
    await customer.until(() => templates('ListPicker') === 3, 'menu a third time');
    await choose(customer, 'Compare plans');
    await customer.untilSeen('SYSTEM BOT: [Carousel]');
    await choose(customer, { title: 'Choose Plus', templateIdentifier: 'plus' });
    await customer.untilSeen('SYSTEM BOT: [QuickReply]', 3);
    // Until the handover the contact waits in no queue: the agent, Available all along, is offered nothing.
    expect((await world.control('GET', '/emulator/agents')).body.waiting).toEqual([]);
    await choose(customer, 'Talk to an agent');

    const agent = await world.acceptOnStreams(agentPage, contactId);
    await customer.untilSeen('AGENT participant.joined');
    expect(notInOrder(customer.seen, DEMO_FLOW_CUSTOMER)).toBeUndefined();
    expect(customer.seen.some((label) => label.startsWith('SYSTEM BOT: Your visit is booked for '))).toBe(true);

    await customer.session.sendMessage({ message: 'Hi, a person?', contentType: 'text/plain' });
    await agent.untilSeen('CUSTOMER Ana: Hi, a person?');
    // The agent's session gets the whole transcript on Streams' socket, the bot's templates included.
    expect(agent.seen).toContain('AGENT participant.joined');
  });

  it('refuses a bot template that breaks the rules, as a flow does, and content of 20 KB or more', async () => {
    world = await startWorld({ bot: 'none' });
    const { contactId } = await world.customer();
    const send = (content: string) => world!.control('POST', `/emulator/contacts/${contactId}/messages`, { role: 'SYSTEM', displayName: 'BOT', contentType: interactive.INTERACTIVE_CONTENT_TYPE, content });
    const seven = { templateType: 'ListPicker', version: '1.0', data: { content: { title: 'Too many', elements: Array.from({ length: 7 }, (_, index) => ({ title: `c${index}` })) } } };
    const refused = await send(JSON.stringify(seven));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('Interactive message data.content.elements must hold 1 to 6 items for a ListPicker');
    const huge = { templateType: 'Panel', version: '1.0', data: { content: { title: 'x'.repeat(20 * 1024), elements: [{ title: 'a' }] } } };
    expect((await send(JSON.stringify(huge))).body.message).toBe('Interactive message content must be under 20480 bytes');
    expect((await send(interactive.quickReply({ title: 'Fine?', elements: [{ title: 'Yes' }] }).content)).status).toBe(200);
  });
});

describe('queues and the no-agent path', () => {
  it('tells each handed-over customer its place in its queue, and offers the oldest first', async () => {
    world = await startWorld({ bot: 'demo', contactCenter: { queues: ['Sales', 'Support'] } });
    const first = await world.customer('Ana');
    const second = await world.customer('Bo');
    for (const { watched } of [first, second]) {
      await watched.untilSeen('SYSTEM BOT: [ListPicker]');
      await choose(watched, 'Talk to an agent');
    }
    await first.watched.untilSeen('SYSTEM SYSTEM_MESSAGE: You are number 1 in the Sales queue. Expected wait: about 1 minute.');
    await second.watched.untilSeen('SYSTEM SYSTEM_MESSAGE: You are number 2 in the Sales queue. Expected wait: about 2 minutes.');
    const queues = (await world.control('GET', '/emulator/queues')).body;
    expect(queues.queues.map((queue: { name: string; waiting: Array<{ contactId: string; position: number }> }) => [queue.name, queue.waiting.map((entry) => entry.position)])).toEqual([
      ['Sales', [1, 2]],
      ['Support', []],
    ]);
    const agentPage = await world.agent('sam');
    await agentPage.contactState(first.contactId, 'connecting');
    expect((await world.control('GET', '/emulator/agents')).body.waiting).toEqual([]);
  });

  it('repeats the place every queueUpdateIntervalMs while waiting, and stops once an agent takes the chat', async () => {
    world = await startWorld({ bot: 'demo', contactCenter: { queueUpdateIntervalMs: 150 } });
    const { contactId, watched } = await world.customer('Ana');
    await watched.untilSeen('SYSTEM BOT: [ListPicker]');
    await choose(watched, 'Talk to an agent');
    const place = 'SYSTEM SYSTEM_MESSAGE: You are number 1 in the BasicQueue queue. Expected wait: about 1 minute.';
    await watched.untilSeen(place, 3);
    await world.acceptOnStreams(await world.agent('sam'), contactId);
    await watched.untilSeen('AGENT participant.joined');
    const told = watched.seen.filter((label) => label === place).length;
    await watched.session.sendMessage({ message: 'hello', contentType: 'text/plain' });
    await watched.untilSeen('CUSTOMER Ana: hello');
    await new Promise((resolve) => setTimeout(resolve, 400)); // two intervals: no more place messages come
    expect(watched.seen.filter((label) => label === place).length).toBe(told);
    expect(watched.seen.indexOf('AGENT participant.joined')).toBeGreaterThan(watched.seen.lastIndexOf(place));
  });

  it('with noAgent "end", says no agent is available and ends the chat', async () => {
    world = await startWorld({ bot: 'demo', contactCenter: { noAgent: 'end' } });
    const { watched } = await world.customer('Ana');
    await watched.untilSeen('SYSTEM BOT: [ListPicker]');
    await watched.session.sendMessage({ message: 'agent', contentType: 'text/plain' });
    await watched.until(() => watched.ended, 'chat ended');
    expect(notInOrder(watched.seen, ['CUSTOMER Ana: agent', 'SYSTEM SYSTEM_MESSAGE: Thanks! Connecting you to an agent.', 'SYSTEM SYSTEM_MESSAGE: Sorry, no agents are available right now. Please try again later.', 'SERVICE chat.ended'])).toBeUndefined();
  });

  it('ends a contact that waited longer than maxQueueWaitMs the same way', async () => {
    world = await startWorld({ bot: 'demo', contactCenter: { maxQueueWaitMs: 300 } });
    const { watched } = await world.customer('Ana');
    await watched.untilSeen('SYSTEM BOT: [ListPicker]');
    await choose(watched, 'Talk to an agent');
    await watched.until(() => watched.ended, 'chat ended');
    expect(notInOrder(watched.seen, ['SYSTEM SYSTEM_MESSAGE: You are number 1 in the BasicQueue queue. Expected wait: about 1 minute.', 'SYSTEM SYSTEM_MESSAGE: Sorry, no agents are available right now. Please try again later.', 'SERVICE chat.ended'])).toBeUndefined();
  });
});

describe('chat timeouts', () => {
  it('marks the idle customer, sees it return, then disconnects the agent and ends the chat', async () => {
    world = await startWorld({ contactCenter: { timeouts: { customerIdleMs: 400, customerDisconnectMs: 600 } } });
    const { contactId, watched: customer } = await world.customer('Ana');
    const agentPage = await world.agent('sam');
    const agent = await world.acceptOnStreams(agentPage, contactId);
    await customer.untilSeen('CUSTOMER participant.idle');
    await agent.untilSeen('CUSTOMER participant.idle');
    await customer.session.sendMessage({ message: 'I am back', contentType: 'text/plain' });
    await customer.untilSeen('CUSTOMER participant.returned');
    await customer.until(() => customer.ended, 'chat ended');
    expect(notInOrder(customer.seen, TIMEOUT_CUSTOMER)).toBeUndefined();
    await agent.until(() => agent.ended, 'agent session ended');
    expect(notInOrder(agent.seen, ['CUSTOMER participant.idle', 'CUSTOMER participant.returned', 'CUSTOMER participant.idle', 'CUSTOMER participant.autodisconnection'])).toBeUndefined();
  });

  it('sets a contact’s timers through the control API (applied from the next agent join)', async () => {
    world = await startWorld({});
    const { contactId, watched: customer } = await world.customer('Ana');
    const set = await world.control('POST', `/emulator/contacts/${contactId}/timeouts`, { agentIdleMs: 300 });
    expect(set.body).toEqual({ timeouts: { agentIdleMs: 300 } });
    expect((await world.control('POST', `/emulator/contacts/${contactId}/timeouts`, { agentIdleMs: -1 })).status).toBe(400);
    const agentPage = await world.agent('sam');
    await world.acceptOnStreams(agentPage, contactId);
    await customer.untilSeen('AGENT participant.idle');
    expect(customer.seen).not.toContain('CUSTOMER participant.idle');
  });

  it('takes the timers from Amazon Connect’s UpdateParticipantRoleConfig (minutes, or Unset)', async () => {
    world = await startWorld({});
    const { contactId } = await world.customer('Ana');
    const connectClient = world.emulator.connectClient();
    const update = (list: unknown[]) =>
      connectClient.send(new UpdateParticipantRoleConfigCommand({ InstanceId: 'instance-1', ContactId: contactId, ChannelConfiguration: { Chat: { ParticipantTimerConfigList: list as never } } }));
    await update([
      { ParticipantRole: 'CUSTOMER', TimerType: 'IDLE', TimerValue: { ParticipantTimerDurationInMinutes: 2 } },
      { ParticipantRole: 'AGENT', TimerType: 'DISCONNECT_NONCUSTOMER', TimerValue: { ParticipantTimerDurationInMinutes: 480 } },
    ]);
    expect((await world.control('POST', `/emulator/contacts/${contactId}/timeouts`, {})).body).toEqual({ timeouts: { customerIdleMs: 120_000, agentDisconnectMs: 28_800_000 } });
    await update([{ ParticipantRole: 'CUSTOMER', TimerType: 'IDLE', TimerValue: { ParticipantTimerAction: 'Unset' } }]);
    expect((await world.control('POST', `/emulator/contacts/${contactId}/timeouts`, {})).body).toEqual({ timeouts: { agentDisconnectMs: 28_800_000 } });
    await expect(update([{ ParticipantRole: 'CUSTOMER', TimerType: 'IDLE', TimerValue: { ParticipantTimerDurationInMinutes: 1 } }])).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});

describe('transfers', () => {
  it('agent to agent through a CCP quick connect: the first agent leaves, the second joins', async () => {
    world = await startWorld({});
    const { contactId, watched: customer } = await world.customer('Ana');
    const samPage = await world.agent('sam');
    const sam = await world.acceptOnStreams(samPage, contactId);
    const kimPage = await world.agent('kim');
    const endpoints = (await samPage.request('getEndpoints', { queueARNs: [] })).data.endpoints as Array<{ type: string; name: string; endpointARN: string }>;
    expect(endpoints.map((endpoint) => `${endpoint.type}:${endpoint.name}`)).toEqual(['queue:BasicQueue', 'agent:kim']);
    const toKim = endpoints.find((endpoint) => endpoint.type === 'agent');
    expect((await samPage.request('createAdditionalConnection', { contactId, endpoint: toKim })).err).toBeUndefined();
    const kim = await world.acceptOnStreams(kimPage, contactId);
    await customer.until(() => customer.seen.filter((label) => label === 'AGENT participant.joined').length === 2, 'second agent joined');
    expect(notInOrder(customer.seen, ['AGENT participant.joined', 'AGENT transfer.succeeded', 'AGENT participant.left', 'AGENT participant.joined'])).toBeUndefined();
    expect(sam.seen).toContain('AGENT transfer.succeeded');
    await customer.session.sendMessage({ message: 'still here', contentType: 'text/plain' });
    await kim.untilSeen('CUSTOMER Ana: still here');
    await samPage.contactState(contactId, 'ended');
  });

  it('agent to queue through the control API: the contact waits in that queue for the next agent', async () => {
    world = await startWorld({ contactCenter: { queues: ['Sales', 'Billing'] } });
    const { contactId, watched: customer } = await world.customer('Ana');
    const samPage = await world.agent('sam');
    await world.acceptOnStreams(samPage, contactId);
    await samPage.setState('Break');
    expect((await world.control('POST', `/emulator/contacts/${contactId}/transfer`, { queue: 'Nowhere' })).status).toBe(404);
    expect((await world.control('POST', `/emulator/contacts/${contactId}/transfer`, { queue: 'Billing' })).status).toBe(200);
    const queues = (await world.control('GET', '/emulator/queues')).body.queues as Array<{ name: string; waiting: Array<{ contactId: string }> }>;
    expect(queues.find((queue) => queue.name === 'Billing')?.waiting.map((entry) => entry.contactId)).toEqual([contactId]);
    const lee = await world.acceptOnStreams(await world.agent('lee'), contactId);
    await customer.untilSeen('AGENT participant.joined', 2);
    expect(lee.seen).toContain('AGENT participant.joined');
  });
});

describe('supervisor', () => {
  it('monitors silently (cannot send), then barges in and is seen by the customer and the agent as SUPERVISOR', async () => {
    world = await startWorld({});
    const { contactId, watched: customer } = await world.customer('Ana');
    const agent = await world.acceptOnStreams(await world.agent('sam'), contactId);
    const monitor = await world.control('POST', `/emulator/contacts/${contactId}/monitor`, { displayName: 'Sue' });
    expect(monitor.status).toBe(201);
    expect(monitor.body.mode).toBe('SILENT_MONITOR');
    const supervisor = await world.emulator.connect(contactId, monitor.body.ParticipantId, monitor.body.ParticipantToken);
    await customer.session.sendMessage({ message: 'private?', contentType: 'text/plain' });
    await supervisor.socket.waitForItem((item) => item.Content === 'private?', 5000, 'customer message at the supervisor');
    const silentSend = world.emulator.participantClient().send(new SendMessageCommand({ ConnectionToken: supervisor.connectionToken, ContentType: 'text/plain', Content: 'hello' }));
    await expect(silentSend).rejects.toMatchObject({ name: 'AccessDeniedException', message: 'A silently monitoring supervisor cannot send messages; barge in first' });
    expect(customer.seen).not.toContain('SUPERVISOR participant.joined');
    expect((await world.control('POST', `/emulator/contacts/${contactId}/barge`, { participantId: monitor.body.ParticipantId })).body).toEqual({ mode: 'BARGE' });
    await customer.untilSeen('SUPERVISOR participant.joined');
    await agent.untilSeen('SUPERVISOR participant.joined');
    await world.control('POST', `/emulator/contacts/${contactId}/messages`, { participantId: monitor.body.ParticipantId, content: 'Supervisor here' });
    await customer.untilSeen('SUPERVISOR Sue: Supervisor here');
  });

  it('a supervisor of the emulated CCP gets the chat as a monitoring connection and barges in from its page (Streams’ bargeIn request)', async () => {
    world = await startWorld({});
    const { contactId, watched: customer } = await world.customer('Ana');
    const agent = await world.acceptOnStreams(await world.agent('sam'), contactId);
    const sue = new CcpClient(world.emulator, 'sue');
    await sue.agentData();
    const chatSocket = await sue.openChatSocket();
    expect((await world.control('POST', `/emulator/contacts/${contactId}/monitor`, { supervisor: 'sue' })).status).toBe(201);
    const monitored = await sue.contactState(contactId, 'connected');
    const connection = monitored.connections[0] as { type: string; state: { type: string }; connectionId: string };
    expect([connection.type, connection.state.type]).toEqual(['monitoring', 'silent_monitor']);
    const transport = await sue.request('createTransport', { transportType: 'chat_token', contactId, participantId: connection.connectionId });
    expect(transport.data.chatTokenTransport.participantToken).toEqual(expect.any(String));
    await customer.session.sendMessage({ message: 'for the agent', contentType: 'text/plain' });
    await chatSocket.waitForItem((item) => item.Content === 'for the agent', 5000, 'customer message on the supervisor’s CCP socket');
    expect((await sue.request('updateMonitorParticipantState', { contactId, targetMonitorMode: 'BARGE' })).err).toBeUndefined();
    await customer.untilSeen('SUPERVISOR participant.joined');
    await agent.untilSeen('SUPERVISOR participant.joined');
    const barging = await sue.agentData((data) => data.snapshot.contacts.some((contact) => (contact.connections[0] as unknown as { state: { type: string } }).state.type === 'barge'), 'barge state');
    expect(barging.snapshot.contacts).toHaveLength(1);
    sue.close();
  });
});
