import { CONTENT_TYPE } from '../../../src/constants';
import { IllegalStateException } from '../../../src/errors';
import { agentHarness, connectCustomer, customerHarness, FakeManager, flush } from '../../support/fakes/sessionHarness';

const CONTROLLER_METHODS = [
  'subscribe',
  'sendMessage',
  'sendAttachment',
  'downloadAttachment',
  'getAttachmentURL',
  'sendEvent',
  'getTranscript',
  'connect',
  'getChatDetails',
  'describeView',
  'getAuthenticationUrl',
  'cancelParticipantAuthentication',
  'getConnectionStatus',
  'getState',
];

describe('session.controller', () => {
  it('has 5.0.0’s methods and fields, and reads the chat’s ids and state', async () => {
    const h = customerHarness({ contactId: 'c-1', participantId: 'p-cust', participantToken: 'pt-secret', initialContactId: 'c-0' });
    const controller = h.session.controller;
    for (const name of CONTROLLER_METHODS) expect(typeof controller[name as keyof typeof controller]).toBe('function');
    expect(typeof controller.disconnectParticipant).toBe('function');
    expect(controller.cleanUpOnParticipantDisconnect).toBeUndefined();
    expect(controller).toMatchObject({
      sessionType: 'CUSTOMER',
      contactId: 'c-1',
      initialContactId: 'c-0',
      participantId: 'p-cust',
      participantToken: 'pt-secret',
      connectionDetails: null,
      hasChatEnded: false,
    });
    expect(controller.getConnectionStatus()).toBe('NeverEstablished');
    await connectCustomer(h);
    expect(controller.getConnectionStatus()).toBe('Established');
    expect(controller.getState()).toBe('connected');
    expect(controller.connectionDetails?.connectionToken).toBe('conn-token-1');
  });

  it('forwards calls to the session, so they share its validation, guards and results', async () => {
    const h = customerHarness();
    await expect(h.session.controller.sendMessage({ message: 'early' })).rejects.toBeInstanceOf(IllegalStateException);
    await connectCustomer(h);
    const sendMessage = jest.spyOn(h.session, 'sendMessage');
    const result = await h.session.controller.sendMessage({ message: 'hi', metadata: { tag: 'x' } });
    expect(sendMessage).toHaveBeenCalledWith({ message: 'hi', metadata: { tag: 'x' } });
    expect(result).toEqual({ data: expect.objectContaining({ Id: 'msg-1' }), metadata: { tag: 'x' } });
    expect(h.session.controller.getChatDetails()).toEqual(h.session.getChatDetails());
    await h.session.controller.disconnectParticipant?.();
    expect(h.client.disconnectParticipant).toHaveBeenCalledTimes(1);
  });

  it('subscribe() takes a bus event name; handlers get (data, eventName, eventBus)', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const handler = jest.fn();
    const off = h.session.controller.subscribe('INCOMING_MESSAGE', handler);
    h.manager.push({ Id: 'm1', Type: 'MESSAGE', ContentType: CONTENT_TYPE.textPlain, Content: 'x', AbsoluteTime: 't', ContactId: 'c-1' });
    await flush();
    expect(handler).toHaveBeenCalledWith(
      expect.objectContaining({ data: expect.objectContaining({ Id: 'm1' }) }),
      'INCOMING_MESSAGE',
      expect.objectContaining({ subscribe: expect.any(Function) }),
    );
    off();
    h.manager.push({ Id: 'm2', Type: 'MESSAGE', ContentType: CONTENT_TYPE.textPlain, Content: 'y', AbsoluteTime: 't', ContactId: 'c-1' });
    await flush();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('an agent’s controller has cleanUpOnParticipantDisconnect and no disconnectParticipant', async () => {
    const manager = new FakeManager();
    const h = agentHarness(manager, { contactId: 'c-2', participantId: 'p-agent', participantToken: 'pt-a' });
    expect(h.session.controller.sessionType).toBe('AGENT');
    expect(h.session.controller.disconnectParticipant).toBeUndefined();
    const handler = jest.fn();
    h.session.onMessage(handler);
    h.session.controller.cleanUpOnParticipantDisconnect();
    h.controller.deliverItem({ Id: 'm1', Type: 'MESSAGE', ContentType: CONTENT_TYPE.textPlain, AbsoluteTime: 't' });
    await flush();
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('calls after the participant left or the chat ended', () => {
  it('reject with IllegalStateException and 5.0.0’s text after disconnectParticipant()', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    await h.session.disconnectParticipant();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['sendMessage', () => h.session.sendMessage({ message: 'late' })],
      ['sendEvent', () => h.session.sendEvent({ contentType: CONTENT_TYPE.typing })],
      ['getTranscript', () => h.session.getTranscript()],
      ['downloadAttachment', () => h.session.downloadAttachment({ attachmentId: 'a' })],
      ['getAttachmentURL', () => h.session.getAttachmentURL({ attachmentId: 'a' })],
      ['describeView', () => h.session.describeView({ viewToken: 'v' })],
      ['disconnectParticipant', () => h.session.disconnectParticipant()],
    ];
    for (const [method, call] of calls) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IllegalStateException);
      expect((error as Error).message).toBe(`Failed to call ${method}, No active connection`);
    }
    expect(h.client.sendMessage).not.toHaveBeenCalled();
    expect(h.client.disconnectParticipant).toHaveBeenCalledTimes(1);
  });

  it('reject with IllegalStateException after chat.ended', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    h.manager.push({ Id: 'e1', Type: 'EVENT', ContentType: CONTENT_TYPE.chatEnded, AbsoluteTime: 't', ContactId: 'c-1' });
    await flush();
    expect(h.session.controller.hasChatEnded).toBe(true);
    await expect(h.session.sendMessage({ message: 'late' })).rejects.toThrow(new IllegalStateException('Failed to call sendMessage, No active connection'));
    await expect(h.session.getTranscript()).rejects.toBeInstanceOf(IllegalStateException);
    await expect(h.session.connect()).rejects.toBeInstanceOf(IllegalStateException);
  });
});
