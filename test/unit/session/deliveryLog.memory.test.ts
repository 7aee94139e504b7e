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

  it('starts a recovery after the newest transcript item, typing excluded', () => {
    const log = new DeliveryLog();
    log.admit(message('first'));
    log.admit({ Id: 'typing', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing', AbsoluteTime: 't' });
    expect(log.startPosition('2026-01-01T00:00:00.000Z')).toEqual({ Id: 'first' });
    expect(new DeliveryLog().startPosition('2026-01-01T00:00:00.000Z')).toEqual({ AbsoluteTime: '2026-01-01T00:00:00.000Z' });
  });
});
