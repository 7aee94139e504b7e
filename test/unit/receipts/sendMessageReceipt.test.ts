// session.sendMessageReceipt (upstream 5.1.0): one receipt at once, past the automatic receipts' switch and
// throttle; bad arguments name the field; calls before connect() are refused like every other call.
import { CONTENT_TYPE } from '../../../src/constants';
import { IllegalArgumentException, IllegalStateException } from '../../../src/errors';
import { silentLogger } from '../../../src/log/logger';
import { ChatController, type ControllerDeps } from '../../../src/session/chatController';
import { normalizeCreateArgs } from '../../../src/session/chatArgs';
import { CustomerChatSession } from '../../../src/session/customerChatSession';
import { checkMessageReceipt } from '../../../src/session/messageReceiptCall';
import { connectCustomer, CUSTOMER_DETAILS, customerHarness, fakeClient, FakeManager, type Harness } from '../session/fakes';

/** A customer session whose automatic receipts are switched off, as an app with its own receipt UI sets them. */
function receiptsOffHarness(): Harness<CustomerChatSession> {
  const client = fakeClient();
  const managers: FakeManager[] = [];
  const deps: ControllerDeps = {
    client: () => client as unknown as ReturnType<ControllerDeps['client']>,
    attachments: () => ({ upload: jest.fn(), download: jest.fn(), url: jest.fn() }),
    createManager: () => {
      managers.push(new FakeManager());
      return managers[managers.length - 1];
    },
    logger: silentLogger,
    receiptsEnabled: () => false,
    receiptThrottleMs: () => 5000,
  };
  const controller = new ChatController(normalizeCreateArgs({ type: 'CUSTOMER', chatDetails: CUSTOMER_DETAILS }), deps);
  return {
    session: new CustomerChatSession(controller),
    controller,
    client,
    get manager() {
      return managers[managers.length - 1];
    },
    managersCreated: managers,
  };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('sendMessageReceipt', () => {
  it('sends a read receipt at once, with no throttle wait, even when automatic receipts are off', async () => {
    const h = receiptsOffHarness();
    await connectCustomer(h);
    const result = await h.session.sendMessageReceipt({ event: 'read', messageId: 'm-7', metadata: { row: 3 } });
    expect(h.client.sendEvent).toHaveBeenCalledTimes(1);
    expect(h.client.sendEvent).toHaveBeenCalledWith('conn-token-1', {
      contentType: CONTENT_TYPE.readReceipt,
      content: '{"messageId":"m-7"}',
      clientToken: undefined,
    });
    expect(result).toMatchObject({ data: { Id: 'evt-1' }, metadata: { row: 3 } });
  });

  it('takes the id from message.Id when messageId is absent, and messageId wins when both are given', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    await h.session.sendMessageReceipt({ event: 'delivered', message: { Id: 'from-item' } });
    await h.session.controller.sendMessageReceipt({ event: 'delivered', messageId: 'explicit', message: { Id: 'ignored' }, clientToken: 'ct-1' });
    expect(h.client.sendEvent.mock.calls.map(([, input]) => input)).toEqual([
      { contentType: CONTENT_TYPE.deliveredReceipt, content: '{"messageId":"from-item"}', clientToken: undefined },
      { contentType: CONTENT_TYPE.deliveredReceipt, content: '{"messageId":"explicit"}', clientToken: 'ct-1' },
    ]);
  });

  it('refuses before connect() with an IllegalStateException naming the call, and sends nothing', async () => {
    const h = customerHarness();
    await expect(h.session.sendMessageReceipt({ event: 'read', messageId: 'm-1' })).rejects.toThrow(IllegalStateException);
    await expect(h.session.sendMessageReceipt({ event: 'read', messageId: 'm-1' })).rejects.toThrow('Failed to call sendMessageReceipt');
    expect(h.client.sendEvent).not.toHaveBeenCalled();
  });

  it('names the field of a bad argument and leaves the session usable', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const bad = [
      [undefined, 'args'],
      [{ event: 'seen', messageId: 'm' }, 'event'],
      [{ event: 'read' }, 'messageId'],
      [{ event: 'read', message: { Id: '' } }, 'messageId'],
      [{ event: 'read', messageId: 'm', clientToken: 42 }, 'clientToken'],
    ] as const;
    for (const [args, field] of bad) {
      const call = h.session.sendMessageReceipt(args as never);
      await expect(call).rejects.toBeInstanceOf(IllegalArgumentException);
      await expect(call).rejects.toMatchObject({ argument: field });
    }
    expect(h.client.sendEvent).not.toHaveBeenCalled();
    await expect(h.session.sendMessageReceipt({ event: 'read', messageId: 'm' })).resolves.toMatchObject({ data: { Id: 'evt-1' } });
  });

  it('checkMessageReceipt maps the event to the receipt content type', () => {
    expect(checkMessageReceipt({ event: 'read', messageId: 'a' }).contentType).toBe(CONTENT_TYPE.readReceipt);
    expect(checkMessageReceipt({ event: 'delivered', messageId: 'a' }).contentType).toBe(CONTENT_TYPE.deliveredReceipt);
  });
});
