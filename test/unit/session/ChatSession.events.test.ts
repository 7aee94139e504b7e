import { CONTENT_TYPE } from '../../../src/constants';
import { IllegalStateException } from '../../../src/errors';
import { agentHarness, connectCustomer, customerHarness, FakeManager, flush, FUTURE } from '../../support/fakes/sessionHarness';

const message = (fields: object = {}) => ({
  Id: 'm1',
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: 'hello',
  AbsoluteTime: '2026-01-01T00:00:00.000Z',
  ParticipantRole: 'AGENT',
  ContactId: 'c-1',
  InitialContactId: 'c-1',
  ...fields,
});

describe('session events', () => {
  it('routes messages, typing and receipts, dropping the participant’s own receipts', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const seen: string[] = [];
    h.session.onMessage((e) => seen.push(`message:${e.data.Id}`));
    h.session.onTyping((e) => seen.push(`typing:${e.data.Id}`));
    h.session.onReadReceipt((e) => seen.push(`read:${e.data.MessageMetadata?.MessageId}`));
    h.session.onDeliveredReceipt((e) => seen.push(`delivered:${e.data.MessageMetadata?.MessageId}`));
    h.manager.push(message());
    h.manager.push(message({ Id: 't1', Type: 'EVENT', ContentType: CONTENT_TYPE.typing }));
    const receipt = (id: string, receipt: object) => ({ Id: `r-${id}`, Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: id, Receipts: [receipt] } });
    h.manager.push(receipt('m1', { ReadTimestamp: 'now', RecipientParticipantId: 'p-agent' }));
    h.manager.push(receipt('m2', { DeliveredTimestamp: 'now', RecipientParticipantId: 'p-agent' }));
    h.manager.push(receipt('m3', { ReadTimestamp: 'now', RecipientParticipantId: 'p-cust' }));
    await flush();
    expect(seen).toEqual(['message:m1', 'typing:t1', 'read:m1', 'delivered:m2']);
  });

  it('gives every handler the item and chat details, keeps going when one throws, and unsubscribes', async () => {
    // The thrown error reaches the page as an uncaught error (window 'error'), so the page's own error reporting sees it.
    const uncaught: unknown[] = [];
    const onWindowError = (event: ErrorEvent): void => {
      uncaught.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onWindowError);
    const h = customerHarness();
    await connectCustomer(h);
    const good = jest.fn();
    const removed = jest.fn();
    h.session.onMessage(() => {
      throw new Error('app bug');
    });
    h.session.onMessage(good);
    const off = h.session.onMessage(removed);
    off();
    h.manager.push(message());
    await flush();
    expect(good).toHaveBeenCalledWith(
      { data: expect.objectContaining({ Id: 'm1' }), chatDetails: expect.objectContaining({ participantId: 'p-cust' }) },
      'INCOMING_MESSAGE',
      expect.objectContaining({ subscribe: expect.any(Function), subscribeAll: expect.any(Function), unsubscribeAll: expect.any(Function) }),
    );
    expect(removed).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.removeEventListener('error', onWindowError);
    expect(uncaught).toEqual([new Error('app bug')]);
  });

  it('handles chat.ended: onMessage, then onEnded, then every handler is dropped and the socket closed', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const order: string[] = [];
    h.session.onMessage((e) => order.push(`message:${e.data.ContentType.split('.').pop()}`));
    h.session.onEnded((e) => order.push(`ended:${String(e.data)}`));
    h.manager.push(message({ Id: 'end', Type: 'EVENT', ContentType: CONTENT_TYPE.chatEnded }));
    expect(h.manager.closed).toBe(1);
    await flush();
    expect(order).toEqual(['message:ended', 'ended:null']);
    h.manager.push(message({ Id: 'late' }));
    await flush();
    expect(order).toHaveLength(2);
    await expect(h.session.sendMessage({ message: 'x' })).rejects.toBeInstanceOf(IllegalStateException);
    await expect(h.session.connect()).rejects.toBeInstanceOf(IllegalStateException);
  });

  it('parses the SessionId of authentication.initiated', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const initiated = jest.fn();
    h.session.onAuthenticationInitiated(initiated);
    h.manager.push(message({ Type: 'EVENT', ContentType: CONTENT_TYPE.authenticationInitiated, Content: '{"SessionId":"4b3f1c2e-9d7a-4b8e-8a51-0c7d2f6e1a90"}' }));
    await flush();
    expect(initiated.mock.calls[0][0].sessionId).toBe('4b3f1c2e-9d7a-4b8e-8a51-0c7d2f6e1a90');
  });

  it('forwards deep heartbeats', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const ok = jest.fn();
    const failed = jest.fn();
    h.session.onDeepHeartbeatSuccess(ok);
    h.session.onDeepHeartbeatFailure(failed);
    h.manager.fire('deepSuccess', { timestamp: 1 });
    h.manager.fire('deepFailure', { timestamp: 2, statusCode: 500 });
    await flush();
    expect(ok.mock.calls[0][0].data).toEqual({ timestamp: 1 });
    expect(failed.mock.calls[0][0].data).toEqual({ timestamp: 2, statusCode: 500 });
  });
});

describe('agent sessions on a shared (Streams) manager', () => {
  const agentDetails = (contactId: string) => ({
    contactId,
    participantId: `agent-${contactId}`,
    participantToken: `pt-${contactId}`,
    getConnectionToken: jest.fn(async () => ({ chatTokenTransport: { participantToken: `ct-${contactId}`, expiry: FUTURE(3_600_000) } })),
  });

  it('shares one subscription, filters by contact, never inits or closes the manager', async () => {
    const streams = new FakeManager(false);
    const a = agentHarness(streams, agentDetails('c-a'));
    const b = agentHarness(streams, agentDetails('c-b'));
    const seenA = jest.fn();
    const seenB = jest.fn();
    a.session.onMessage(seenA);
    b.session.onMessage(seenB);
    await a.session.connect();
    await b.session.connect();
    expect(streams.count('message:aws/chat')).toBe(1);
    expect(streams.initCalls).toBe(0);
    streams.push(message({ Id: 'for-a', ContactId: 'c-a', InitialContactId: 'c-a' }));
    streams.push(message({ Id: 'for-b', ContactId: 'c-b', InitialContactId: 'c-b' }));
    await flush();
    expect(seenA.mock.calls.map((c) => c[0].data.Id)).toEqual(['for-a']);
    expect(seenB.mock.calls.map((c) => c[0].data.Id)).toEqual(['for-b']);
    // Token from Streams, acknowledgement with the participant token.
    expect(a.session.getChatDetails().connectionDetails?.connectionToken).toBe('ct-c-a');
    expect(a.client.createParticipantConnection).toHaveBeenCalledWith('pt-c-a', { connectParticipant: true });
    streams.push(message({ Id: 'end', Type: 'EVENT', ContentType: CONTENT_TYPE.chatEnded, ContactId: 'c-a', InitialContactId: 'c-a' }));
    await flush();
    expect(streams.closed).toBe(0);
    expect(streams.count('message:aws/chat')).toBe(1);
  });

  it('fires established on connect (Streams’ socket is already up) and ends on transfer without onEnded', async () => {
    const streams = new FakeManager(false);
    const a = agentHarness(streams, agentDetails('c-a'));
    const established = jest.fn();
    const ended = jest.fn();
    a.session.onConnectionEstablished(established);
    a.session.onEnded(ended);
    await a.session.connect();
    await flush();
    expect(established).toHaveBeenCalledTimes(1);
    streams.push(message({ Id: 'tr', Type: 'EVENT', ContentType: CONTENT_TYPE.transferSucceeded, ContactId: 'c-a' }));
    await flush();
    expect(ended).not.toHaveBeenCalled();
    expect(a.controller.getState()).toBe('ended');
  });

  it('falls back to CreateParticipantConnection when getConnectionToken fails', async () => {
    const streams = new FakeManager();
    const details = agentDetails('c-a');
    details.getConnectionToken.mockRejectedValueOnce(new Error('no token'));
    const a = agentHarness(streams, details);
    await a.session.connect();
    expect(a.client.createParticipantConnection).toHaveBeenCalledWith('pt-c-a', {
      type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
      connectParticipant: true,
    });
    expect(a.session.getChatDetails().connectionDetails?.connectionAcknowledged).toBe(true);
  });

  it('cleanUpOnParticipantDisconnect removes the handlers', async () => {
    const streams = new FakeManager();
    const a = agentHarness(streams, agentDetails('c-a'));
    const seen = jest.fn();
    a.session.onMessage(seen);
    await a.session.connect();
    a.session.cleanUpOnParticipantDisconnect();
    streams.push(message({ ContactId: 'c-a' }));
    await flush();
    expect(seen).not.toHaveBeenCalled();
  });
});
