// The echoes a session waits for: due 3 s after the SendMessage answer, asked of the delivery log when due,
// and bounded in number.
import { EchoWatch } from '../../../src/session/incoming/echoWatch';
import { nextQuietSpacing, SAFETY_NET } from '../../../src/session/incoming/gapSignals';

describe('EchoWatch', () => {
  it('hands back only the overdue echoes that never arrived, oldest first, and forgets them', () => {
    const watch = new EchoWatch();
    watch.expect('a', 0);
    watch.expect('b', 1_000);
    watch.expect('c', 5_000);
    expect(watch.nextDue()).toBe(3_000);
    expect(watch.takeOverdue(4_000, (id) => id === 'a')).toEqual(['b']);
    expect(watch.nextDue()).toBe(8_000);
    expect(watch.takeOverdue(4_000, () => false)).toEqual([]);
    watch.clear();
    expect(watch.nextDue()).toBeNull();
  });

  it('keeps at most 200 pending echoes (a socket that silent is gone anyway)', () => {
    const watch = new EchoWatch();
    for (let index = 0; index < 250; index += 1) watch.expect(`m${index}`, index);
    const missing = watch.takeOverdue(Number.MAX_SAFE_INTEGER, () => false);
    expect(missing).toHaveLength(200);
    expect(missing[0]).toBe('m50');
  });
});

describe('the safety net’s quiet spacing', () => {
  it('starts at 1 min after the short spacing and doubles up to 15 min', () => {
    const ladder: number[] = [SAFETY_NET.afterActivityMs];
    for (let step = 0; step < 7; step += 1) ladder.push(nextQuietSpacing(ladder[ladder.length - 1]));
    expect(ladder.map((ms) => ms / 1_000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });
});
