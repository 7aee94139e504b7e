// One link-event interface from the hub to the controller, reasons already normalised.
import type { LinkListener } from '../../../src/session/link/linkListener';
import { ManagerHub } from '../../../src/session/link/managerHub';
import { silentLogger } from '../../../src/log/logger';
import { FakeManager } from '../../support/fakes/sessionHarness';

function member(contactId: string) {
  const heard: Array<[string, unknown]> = [];
  const events: LinkListener = {
    item: (item) => heard.push(['item', item.Id]),
    established: () => heard.push(['established', undefined]),
    lost: (reason) => heard.push(['lost', reason]),
    broken: (reason) => heard.push(['broken', reason]),
    deepHeartbeat: (ok, info) => heard.push([ok ? 'deep-ok' : 'deep-fail', info]),
    chatOver: () => heard.push(['chatOver', undefined]),
    heartbeatLate: () => heard.push(['heartbeatLate', undefined]),
  };
  return { heard, member: { contactId, initialContactId: contactId, listener: events } };
}

describe('the hub speaks LinkListener', () => {
  it('hands every member normalised reasons, whatever the manager passed', () => {
    const manager = new FakeManager();
    const a = member('c-1');
    const leave = ManagerHub.of(manager, silentLogger).join(a.member);
    const cause = new Error('socket closed');
    manager.fire('lost', { code: 1006, reason: 'abnormal' });
    manager.fire('lost', cause);
    manager.fire('lost', undefined);
    manager.fire('initFailure', { reason: cause });
    manager.fire('deepFailure', 'not an object');
    manager.fire('deepSuccess', { timestamp: 5 });
    manager.fire('heartbeatLate', { timestamp: 6, roundTripMs: 2_500 });
    expect(a.heard).toEqual([
      ['lost', { code: 1006, reason: 'abnormal' }],
      ['lost', { reason: 'socket closed', error: cause }],
      ['lost', { reason: 'connection lost' }],
      ['broken', { reason: 'the websocket could not be re-established', error: cause }],
      ['deep-fail', {}],
      ['deep-ok', { timestamp: 5 }],
      ['heartbeatLate', undefined],
    ]);
    leave();
  });

  it('routes an item only to the members of its contact', () => {
    const manager = new FakeManager();
    const a = member('c-1');
    const b = member('c-2');
    const hub = ManagerHub.of(manager, silentLogger);
    const leaveA = hub.join(a.member);
    const leaveB = hub.join(b.member);
    manager.push({ Id: 'm1', Type: 'MESSAGE', ContentType: 'text/plain', ContactId: 'c-2', InitialContactId: 'c-2' });
    expect(a.heard).toEqual([]);
    expect(b.heard).toEqual([['item', 'm1']]);
    leaveA();
    leaveB();
    expect(manager.count('lost')).toBe(0);
  });
});
