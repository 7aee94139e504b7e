// One state variable; every change says why, clears what the old state owned and is logged.
import { CONTENT_TYPE } from '../../../src/constants';
import { IllegalStateException } from '../../../src/errors';
import type { StateChange } from '../../../src/session/core/chatCore';
import { accessDenied, agentHarness, connectCustomer, customerHarness, FakeManager, flush } from '../../support/fakes/sessionHarness';

const msg = (id: string, fields: object = {}) => ({
  Id: id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: id,
  AbsoluteTime: '2026-01-01T00:00:01.000Z',
  ContactId: 'c-1',
  InitialContactId: 'c-1',
  ...fields,
});

function record(h: { controller: { onStateChange(listener: (change: StateChange) => void): () => void } }): string[] {
  const changes: string[] = [];
  h.controller.onStateChange(({ from, to, reason }) => changes.push(`${from}>${to}:${reason.code}`));
  return changes;
}

describe('the controller state machine', () => {
  it('names the reason of every change through connect, loss, recovery and chat.ended', async () => {
    const h = customerHarness();
    const changes = record(h);
    await connectCustomer(h);
    h.manager.fire('lost', { code: 1006, reason: 'abnormal' });
    h.manager.fire('gain');
    h.manager.push(msg('end', { Type: 'EVENT', ContentType: CONTENT_TYPE.chatEnded }));
    await flush();
    expect(changes).toEqual([
      'idle>connecting:connect',
      'connecting>connected:established',
      'connected>reconnecting:lost',
      'reconnecting>connected:established',
      'connected>ended:chat-ended',
    ]);
  });

  it('carries the detail of a loss and logs every change at INFO', async () => {
    const h = customerHarness();
    const info = jest.spyOn(h.controller.logger, 'info');
    const details: Array<string | undefined> = [];
    h.controller.onStateChange(({ reason }) => details.push(reason.detail));
    await connectCustomer(h);
    h.manager.fire('lost', { code: 1006, reason: 'abnormal' });
    expect(details).toEqual([undefined, undefined, 'abnormal']);
    expect(info).toHaveBeenCalledWith('Session state connected -> reconnecting (lost: abnormal)');
    info.mockRestore();
  });

  it('a failed connect: broken, with the error, and connect() rejects with that error', async () => {
    const h = customerHarness();
    const reasons: StateChange['reason'][] = [];
    h.controller.onStateChange((change) => reasons.push(change.reason));
    const failure = accessDenied();
    h.client.createParticipantConnection.mockRejectedValueOnce(failure);
    await expect(h.session.connect()).rejects.toBe(failure);
    expect(h.session.controller.getState()).toBe('broken');
    expect(reasons[1]).toEqual({ code: 'connect-failed', detail: failure.message, error: failure });
  });

  it('leaving connecting for broken rejects connect() and closes what the link held', async () => {
    const h = customerHarness();
    const changes = record(h);
    const pending = h.session.connect();
    await flush();
    h.manager.fire('initFailure', { reason: 'gave up' });
    await expect(pending).rejects.toBeInstanceOf(IllegalStateException);
    expect(changes).toEqual(['idle>connecting:connect', 'connecting>broken:broken']);
    expect(h.manager.closed).toBe(1);
  });

  it('after disconnectParticipant: a sub-phase apps see as connected; a dropped link then ends the chat', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const changes = record(h);
    await h.session.disconnectParticipant();
    expect(h.session.controller.getState()).toBe('connected');
    await expect(h.session.sendMessage({ message: 'hi' })).rejects.toBeInstanceOf(IllegalStateException);
    h.manager.fire('lost', {});
    expect(changes).toEqual(['connected>leaving:participant-left', 'leaving>ended:participant-left']);
  });

  it('leaving while the link is down ends the session at once', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    h.manager.fire('lost', {});
    const changes = record(h);
    const ended = jest.fn();
    h.session.onEnded(ended);
    await h.session.disconnectParticipant();
    await flush();
    expect(changes).toEqual(['reconnecting>ended:participant-left']);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a transfer ends an agent session with its own reason', async () => {
    const manager = new FakeManager();
    const h = agentHarness(manager, { contactId: 'c-1', participantId: 'p-agent', participantToken: 'pt-a' });
    const changes = record(h);
    await h.session.connect();
    manager.push(msg('t', { Type: 'EVENT', ContentType: CONTENT_TYPE.transferSucceeded }));
    expect(changes).toEqual(['idle>connecting:connect', 'connecting>connected:established', 'connected>ended:transferred']);
  });

  it('a 403 on reconnect ends the chat as service-refused', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const changes = record(h);
    h.manager.fire('lost', {});
    h.client.createParticipantConnection.mockRejectedValueOnce(accessDenied());
    await h.manager.transport?.(); // the first URL is the one connect() fetched
    await expect(h.manager.transport?.()).rejects.toThrow(/403/);
    expect(changes).toEqual(['connected>reconnecting:lost', 'reconnecting>ended:service-refused']);
  });
});
