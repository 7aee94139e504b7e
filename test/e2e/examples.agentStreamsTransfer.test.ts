// The Streams custom CCP example transfers a chat between two agents through a quick connect
// (agent.getEndpoints → contact.addConnection), with this SDK and with 5.0.0's bundle creating the sessions.
import { send, startCustomerChat } from '../support/browser/playwrightPages';
import { acceptChat, chatTab, openStreamsAgent, setAgentState, type SdkUnderTest, useStreamsWorld } from '../support/browser/streamsAgent';

jest.setTimeout(120_000);

const world = useStreamsWorld();

describe.each<SdkUnderTest>(['ours', 'upstream'])('Streams example with %s SDK', (sdk) => {
  it('transfers a chat to another agent with a quick connect; the customer stays and talks to the new agent', async () => {
    const sam = await openStreamsAgent(world, sdk, `?agent=sam-${sdk}`, 'sam');
    await setAgentState(sam, 'Available');
    const customer = await world.open('/examples/customer-chat.html', 'customer');
    const contactId = await startCustomerChat(customer, 'Ana');
    await acceptChat(sam, contactId);
    await customer.getByTestId('event').filter({ hasText: `sam-${sdk} joined the chat` }).waitFor();

    const kim = await openStreamsAgent(world, sdk, `?agent=kim-${sdk}`, 'kim');
    await setAgentState(kim, 'Available');
    await chatTab(sam, contactId).getByTestId('transfer-chat').click();
    const picker = chatTab(sam, contactId).getByTestId('transfer-target');
    await picker.waitFor();
    expect(await picker.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Queue: BasicQueue', `Agent: kim-${sdk}`]));
    await picker.selectOption({ label: `Agent: kim-${sdk}` });

    await chatTab(sam, contactId).and(sam.locator('[data-state="ended"]')).waitFor();
    const kimWindow = await acceptChat(kim, contactId);
    await customer.getByTestId('event').filter({ hasText: `kim-${sdk} joined the chat` }).waitFor();
    await send(customer, 'Are you the new agent?');
    await kimWindow.getByTestId('message-body').filter({ hasText: 'Are you the new agent?' }).waitFor();
    const events = await customer.getByTestId('event').allTextContents();
    expect(events.slice(-3)).toEqual([`sam-${sdk} transferred the chat`, `sam-${sdk} left the chat`, `kim-${sdk} joined the chat`]);
  });
});
