// Receipts through the public session: sendEvent of a receipt goes through the throttler, config comes
// from the controller's deps, getTranscript rehydrates it and chat.ended stops it; sendMessageReceipt
// (upstream 5.1.0) sends one at once, past the throttle and the switch.
import { CONTENT_TYPE } from '../../../src/constants';
import { IllegalArgumentException, IllegalStateException } from '../../../src/errors';
import { ChatCore } from '../../../src/session/core/chatCore';
import type { ChatCoreDeps } from '../../../src/session/core/coreDeps';
import { normalizeCreateArgs } from '../../../src/session/args/chatArgs';
import { CustomerChatSession } from '../../../src/session/customerChatSession';
import { checkMessageReceipt } from '../../../src/session/outgoing/messageReceiptCall';
import { silentLogger } from '../../../src/log/logger';
import { RECEIPT_NOTICES, ReceiptsDisabledError } from '../../../src/receipts';
import { connectCustomer, CUSTOMER_DETAILS, customerHarness, fakeClient, FakeManager, type Harness } from '../../support/fakes/sessionHarness';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const readReceipt = (messageId: string) => ({ contentType: CONTENT_TYPE.readReceipt, content: JSON.stringify({ messageId }) });
const deliveredReceipt = (messageId: string) => ({ contentType: CONTENT_TYPE.deliveredReceipt, content: JSON.stringify({ messageId }) });

/** The fakes harness with receipt settings of our choosing (as ChatSession.create wires them from config). */
function harnessWith(receipts: Pick<ChatCoreDeps, 'receiptsEnabled' | 'receiptThrottleMs'>): Harness<CustomerChatSession> {
  const client = fakeClient();
  const managersCreated: FakeManager[] = [];
  const deps: ChatCoreDeps = {
    client: () => client as unknown as ReturnType<ChatCoreDeps['client']>,
    attachments: { upload: jest.fn(), download: jest.fn(), url: jest.fn() },
    createManager: () => {
      managersCreated.push(new FakeManager());
      return managersCreated[managersCreated.length - 1];
    },
    logger: silentLogger,
    ...receipts,
  };
  const controller = new ChatCore(normalizeCreateArgs({ type: 'CUSTOMER', chatDetails: CUSTOMER_DETAILS }), deps);
  return {
    session: new CustomerChatSession(controller),
    controller,
    client,
    get manager() {
      return managersCreated[managersCreated.length - 1];
    },
    managersCreated,
  };
}

beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
});

describe('session receipts', () => {
  it('sends one SendEvent for a burst of reads, for the newest message, with a UUID ClientToken', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const results = ['m1', 'm2', 'm3'].map((id, i) => h.session.sendEvent({ ...readReceipt(id), metadata: { n: i } }));
    await jest.advanceTimersByTimeAsync(4999);
    expect(h.client.sendEvent).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(h.client.sendEvent).toHaveBeenCalledTimes(1);
    expect(h.client.sendEvent).toHaveBeenCalledWith('conn-token-1', {
      contentType: CONTENT_TYPE.readReceipt,
      content: '{"messageId":"m3"}',
      clientToken: expect.stringMatching(UUID_V4),
    });
    // Every request settles with the call that covered it (metadata is the newest request's).
    const settled = await Promise.all(results);
    settled.forEach((result) => expect(result).toMatchObject({ data: { Id: 'evt-1' }, metadata: { n: 2 } }));
  });

  it('uses the throttle window the session config gives, and its enabled switch', async () => {
    let enabled = true;
    const h = harnessWith({ receiptsEnabled: () => enabled, receiptThrottleMs: () => 1000 });
    await connectCustomer(h);
    const delivered = h.session.sendEvent(deliveredReceipt('m1'));
    await jest.advanceTimersByTimeAsync(1300);
    await expect(delivered).resolves.toMatchObject({ data: { Id: 'evt-1' } });
    expect(h.client.sendEvent).toHaveBeenCalledTimes(1);

    enabled = false;
    await expect(h.session.sendEvent(readReceipt('m2'))).rejects.toBeInstanceOf(ReceiptsDisabledError);
    await jest.advanceTimersByTimeAsync(5000);
    expect(h.client.sendEvent).toHaveBeenCalledTimes(1);
  });

  it('does not resend receipts a fetched transcript already holds', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    h.client.getTranscript.mockResolvedValueOnce({
      InitialContactId: 'c-1',
      NextToken: undefined,
      $metadata: {},
      Transcript: [
        {
          Id: 'm1',
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          Content: 'hi',
          AbsoluteTime: '2026-01-01T00:00:00.000Z',
          MessageMetadata: { MessageId: 'm1', Receipts: [{ ReadTimestamp: 't', RecipientParticipantId: CUSTOMER_DETAILS.participantId }] },
        },
      ],
    });
    await h.session.getTranscript();
    await expect(h.session.sendEvent(readReceipt('m1'))).resolves.toEqual({ message: RECEIPT_NOTICES.alreadyFired });
    await jest.advanceTimersByTimeAsync(5000);
    expect(h.client.sendEvent).not.toHaveBeenCalled();
  });

  it('sends nothing once chat.ended arrives; a waiting receipt resolves with a notice', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const waiting = h.session.sendEvent(readReceipt('m1'));
    h.manager.push({ Id: 'end', Type: 'EVENT', ContentType: CONTENT_TYPE.chatEnded, AbsoluteTime: '', ContactId: 'c-1', InitialContactId: 'c-1' });
    await expect(waiting).resolves.toEqual({ message: RECEIPT_NOTICES.chatEnded });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(h.client.sendEvent).not.toHaveBeenCalled();
  });
});

describe('sendMessageReceipt', () => {
  it('sends a read receipt at once, with no throttle wait, even when automatic receipts are off', async () => {
    const h = harnessWith({ receiptsEnabled: () => false, receiptThrottleMs: () => 5000 });
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
