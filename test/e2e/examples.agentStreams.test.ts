// The Streams custom CCP against the emulated CCP (/ccp-v2/): real amazon-connect-streams 2.28.2 in
// headless Chromium, this SDK (and in the last block 5.0.0's bundle) creating the agent sessions.
import { messageTexts, send, startCustomerChat } from '../support/browser/playwrightPages';
import { acceptChat, agentsOf, chatTab, chatWindow, openStreamsAgent, sendInWindow, setAgentState, takeConsoleErrors, type SdkUnderTest, useStreamsWorld } from '../support/browser/streamsAgent';

jest.setTimeout(120_000);

const world = useStreamsWorld();

describe.each<SdkUnderTest>(['ours', 'upstream'])('Streams agent page with %s SDK', (sdk) => {
  it('Available → offered → accept → messages both ways → end → clear', async () => {
    const agent = await openStreamsAgent(world, sdk, `?agent=${sdk}-one`);
    await setAgentState(agent, 'Available');
    const customer = await world.open('/examples/customer-chat.html', 'customer');
    const contactId = await startCustomerChat(customer, 'Ana');

    const window = await acceptChat(agent, contactId);
    // The Amazon Connect SDK channel answers (without it every chat session waits 30 s for this lookup).
    const instance = await agent.evaluate(async (id) => {
      const streams = (globalThis as unknown as { connect: { Contact: new (contactId: string) => { getInstanceDetails(): Promise<unknown> } } }).connect;
      const noAnswer = new Promise((resolve) => setTimeout(() => resolve('no answer within 5 s'), 5000));
      return Promise.race([new streams.Contact(id).getInstanceDetails(), noAnswer]);
    }, contactId);
    expect(instance).toEqual({ region: 'us-east-1' });
    await send(customer, 'Hello from Ana');
    await window.getByTestId('message-body').filter({ hasText: 'Hello from Ana' }).waitFor();
    await sendInWindow(window, 'Hi Ana, Sam here');
    await customer.getByTestId('message-body').filter({ hasText: 'Hi Ana, Sam here' }).waitFor();
    const transcript = (await world.emulator.control('GET', `/emulator/contacts/${contactId}/transcript`)).body.items as Array<Record<string, string>>;
    expect(transcript).toContainEqual(expect.objectContaining({ ContentType: 'application/vnd.amazonaws.connect.event.participant.joined', ParticipantRole: 'AGENT' }));

    await chatTab(agent, contactId).getByTestId('end-chat').click();
    await chatTab(agent, contactId).and(agent.locator('[data-state="ended"]')).waitFor();
    await customer.getByTestId('chat-ended').waitFor({ state: 'visible' });
    await chatTab(agent, contactId).getByTestId('clear-chat').click();
    await chatTab(agent, contactId).waitFor({ state: 'detached' });
    expect(await chatWindow(agent, contactId).count()).toBe(0);
    const { agents } = await agentsOf(world);
    expect(agents.find((entry) => entry.login === `${sdk}-one`)).toMatchObject({ state: 'Available', contacts: [] });
  });

  it('a chat started while the agent is Offline waits, and is offered once the agent is Available', async () => {
    const agent = await openStreamsAgent(world, sdk, `?agent=${sdk}-late`);
    const customer = await world.open('/examples/customer-chat.html', 'customer');
    const contactId = await startCustomerChat(customer, 'Dara');
    expect((await agentsOf(world)).waiting).toContain(contactId);
    expect(await chatTab(agent, contactId).count()).toBe(0);

    await setAgentState(agent, 'Available');
    const window = await acceptChat(agent, contactId);
    await send(customer, 'are you there?');
    await window.getByTestId('message-body').filter({ hasText: 'are you there?' }).waitFor();
    expect((await agentsOf(world)).waiting).not.toContain(contactId);
    await agent.context().close();
    await customer.context().close();
  });

  it('takes two chats at once, each window with its own conversation', async () => {
    const agent = await openStreamsAgent(world, sdk, `?agent=${sdk}-two`);
    await setAgentState(agent, 'Available');
    const first = await world.open('/examples/customer-chat.html', 'customer 1');
    const second = await world.open('/examples/customer-chat.html', 'customer 2');
    const firstId = await startCustomerChat(first, 'Bea');
    const secondId = await startCustomerChat(second, 'Caio');
    const firstWindow = await acceptChat(agent, firstId);
    const secondWindow = await acceptChat(agent, secondId);

    await send(first, 'first question');
    await send(second, 'second question');
    await chatTab(agent, firstId).click();
    await firstWindow.getByTestId('message-body').filter({ hasText: 'first question' }).waitFor();
    await chatTab(agent, secondId).click();
    await secondWindow.getByTestId('message-body').filter({ hasText: 'second question' }).waitFor();
    await sendInWindow(secondWindow, 'answer two');
    await second.getByTestId('message-body').filter({ hasText: 'answer two' }).waitFor();
    await chatTab(agent, firstId).click();
    await sendInWindow(firstWindow, 'answer one');
    await first.getByTestId('message-body').filter({ hasText: 'answer one' }).waitFor();

    expect(await firstWindow.getByTestId('message-body').allTextContents()).not.toContain('second question');
    expect(await secondWindow.getByTestId('message-body').allTextContents()).not.toContain('first question');
    expect(await messageTexts(first)).not.toContain('answer two');
  });
});

describe('Streams agent page, page-level behaviour', () => {
  it('after a reload, an accepted chat shows again with its transcript and keeps receiving', async () => {
    const agent = await openStreamsAgent(world, 'ours', '?agent=reloader');
    await setAgentState(agent, 'Available');
    const customer = await world.open('/examples/customer-chat.html', 'customer');
    const contactId = await startCustomerChat(customer, 'Eli');
    await acceptChat(agent, contactId);
    await send(customer, 'before the reload');
    await chatWindow(agent, contactId).getByTestId('message-body').filter({ hasText: 'before the reload' }).waitFor();

    await agent.reload();
    await agent.getByTestId('status').filter({ hasText: 'Signed in as' }).waitFor();
    const window = chatWindow(agent, contactId);
    await window.getByTestId('message-body').filter({ hasText: 'before the reload' }).waitFor();
    await send(customer, 'after the reload');
    await window.getByTestId('message-body').filter({ hasText: 'after the reload' }).waitFor();
    expect(await agent.getByTestId('agent-state').textContent()).toBe('Available');
  });

  it('shows the error when getMediaController() rejects', async () => {
    const agent = await openStreamsAgent(world, 'ours', '?agent=unlucky');
    // Only the SDK is altered (never Streams): the session Streams creates refuses to connect.
    await agent.evaluate(() => {
      const sdk = (window as unknown as { connect: { ChatSession: { create(args: unknown): { connect(): Promise<unknown> } } } }).connect.ChatSession;
      const create = sdk.create.bind(sdk);
      sdk.create = (args) => Object.assign(create(args), { connect: () => Promise.reject(new Error('refused for this test')) });
    });
    await setAgentState(agent, 'Available');
    const customer = await world.open('/examples/customer-chat.html', 'customer');
    const contactId = await startCustomerChat(customer, 'Fay');
    await chatTab(agent, contactId).and(agent.locator('[data-state="connecting"]')).waitFor();
    await chatTab(agent, contactId).getByTestId('accept-chat').click();
    await chatWindow(agent, contactId).getByTestId('chat-error').filter({ hasText: 'refused for this test' }).waitFor();
    takeConsoleErrors(); // Streams logs the failed session as an error: expected here
  });

  it('?ccp= and ?region= choose the CCP: a real instance URL is embedded as given', async () => {
    const ccp = 'https://my-instance.invalid/ccp-v2/';
    const page = await world.open(`/examples/agent-streams.html?ccp=${encodeURIComponent(ccp)}&region=eu-west-2`, 'real ccp');
    const frame = page.locator('iframe[name="Amazon Connect CCP"]');
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('src')).toBe(ccp);
    expect(await page.getByTestId('ccp-source').textContent()).toBe(`CCP: ${ccp}`);
  });
});
