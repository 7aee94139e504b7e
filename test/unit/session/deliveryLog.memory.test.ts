import { DeliveryLog } from '../../../src/session/incoming/deliveryLog';
import type { ChatTranscriptItem } from '../../../src/types';

const message = (id: string, time = '2026-01-01T00:00:00.000Z'): ChatTranscriptItem => ({
  Id: id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: id,
  AbsoluteTime: time,
});

describe('DeliveryLog', () => {
  it('admits an Id once', () => {
    const log = new DeliveryLog();
    expect(log.admit(message('a'))).toBe(true);
    expect(log.admit(message('a'))).toBe(false);
    expect(log.admit(message('b'))).toBe(true);
  });

  it('still knows every one of the last 2000 Ids after many more were admitted', () => {
    const log = new DeliveryLog();
    for (let index = 0; index < 7_500; index += 1) log.admit(message(`m${index}`));
    const recent = Array.from({ length: 2_000 }, (_, offset) => `m${7_499 - offset}`);
    expect(recent.filter((id) => log.admit(message(id)))).toEqual([]);
  });

  it('forgets the older half once it holds twice the remembered count, so memory stays bounded', () => {
    const log = new DeliveryLog();
    for (let index = 0; index < 4_001; index += 1) log.admit(message(`m${index}`));
    expect(log.admit(message('m0'))).toBe(true);
  });

  it('starts a recovery at the checkpoint the last one reached, not at the newest item delivered', () => {
    const log = new DeliveryLog();
    log.admit(message('first'));
    // A live item proves nothing about the items before it: the link may have dropped some.
    expect(log.startPosition('2026-01-01T00:00:00.000Z')).toEqual({ AbsoluteTime: '2026-01-01T00:00:00.000Z' });
    log.checkpoint('first');
    log.admit(message('second'));
    expect(log.startPosition('2026-01-01T00:00:00.000Z')).toEqual({ Id: 'first' });
  });

  it('before any checkpoint, starts at the first item delivered when this device’s clock is ahead of the service’s', () => {
    const log = new DeliveryLog();
    log.admit(message('first', '2026-01-01T00:00:05.000Z'));
    log.admit(message('second', '2026-01-01T00:00:06.000Z'));
    expect(log.startPosition('2026-01-01T00:01:00.000Z')).toEqual({ AbsoluteTime: '2026-01-01T00:00:05.000Z' });
    expect(log.startPosition('2026-01-01T00:00:01.000Z')).toEqual({ AbsoluteTime: '2026-01-01T00:00:01.000Z' });
  });

  it('knows when an item comes late: older than the newest transcript item, typing and receipts excluded', () => {
    const log = new DeliveryLog();
    log.admit({ ...message('m2'), AbsoluteTime: '2026-01-01T00:00:02.000Z' });
    expect(log.isOlderThanDelivered({ ...message('m1'), AbsoluteTime: '2026-01-01T00:00:01.000Z' })).toBe(true);
    expect(log.isOlderThanDelivered({ ...message('m3'), AbsoluteTime: '2026-01-01T00:00:03.000Z' })).toBe(false);
    expect(log.isOlderThanDelivered({ Id: 't', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing', AbsoluteTime: '2026-01-01T00:00:01.000Z' })).toBe(false);
    expect(log.hasId('m2')).toBe(true);
    expect(log.hasId('m1')).toBe(false);
  });
});
