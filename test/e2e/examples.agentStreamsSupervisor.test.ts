// A supervisor in the Streams custom CCP example: the emulator's control API starts the monitoring (a real
// instance starts it from its real-time metrics page), the supervisor's page shows the chat as a monitoring
// connection, and "Barge in" (Streams' contact.bargeIn()) makes it a SUPERVISOR on the chat. Both SDKs.
import { send, startCustomerChat } from '../support/browser/playwrightPages';
import { acceptChat, chatTab, chatWindow, openStreamsAgent, sendInWindow, setAgentState, type SdkUnderTest, useStreamsWorld } from '../support/browser/streamsAgent';

jest.setTimeout(120_000);

const world = useStreamsWorld();

describe.each<SdkUnderTest>(['ours', 'upstream'])('Streams example with %s SDK', (sdk) => {
  it('a supervisor monitors silently, then barges in and talks to the customer', async () => {
    const sam = await openStreamsAgent(world, sdk, `?agent=sam-${sdk}`, 'sam');
    await setAgentState(sam, 'Available');
    const customer = await world.open('/examples/customer-chat.html', 'customer');
    const contactId = await startCustomerChat(customer, 'Ana');
    await acceptChat(sam, contactId);
    const sue = await openStreamsAgent(world, sdk, `?agent=sue-${sdk}`, 'sue');

    const started = await world.emulator.control('POST', `/emulator/contacts/${contactId}/monitor`, { supervisor: `sue-${sdk}` });
    expect(started.status).toBe(201);
    const tab = chatTab(sue, contactId);
    await tab.and(sue.locator('[data-monitor="SILENT_MONITOR"]')).waitFor();
    const window = chatWindow(sue, contactId);
    await send(customer, 'Can anyone else read this?');
    await window.getByTestId('message-body').filter({ hasText: 'Can anyone else read this?' }).waitFor();
    expect(await customer.getByTestId('event').filter({ hasText: `sue-${sdk}` }).count()).toBe(0);

    await tab.getByTestId('barge-in').click();
    await tab.and(sue.locator('[data-monitor="BARGE"]')).waitFor();
    await customer.getByTestId('event').filter({ hasText: `sue-${sdk} joined the chat` }).waitFor();
    await sendInWindow(window, 'Supervisor here, hello Ana');
    await customer.getByTestId('message-body').filter({ hasText: 'Supervisor here, hello Ana' }).waitFor();
    await chatWindow(sam, contactId).getByTestId('message-body').filter({ hasText: 'Supervisor here, hello Ana' }).waitFor();
  });
});
