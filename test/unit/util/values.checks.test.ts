// The value checks the SDK shares (util/values) and the start-position cleaning that relies on them.
import { stripStartPosition } from '../../../src/client/startPosition';
import { toTranscriptRequest } from '../../../src/session/outgoing/requestArgs';
import { isObject, nonEmptyString } from '../../../src/util/values';

describe('shared value checks', () => {
  it('nonEmptyString: whitespace-only is empty, other strings come back untrimmed', () => {
    expect(nonEmptyString('  ')).toBeUndefined();
    expect(nonEmptyString('')).toBeUndefined();
    expect(nonEmptyString(5)).toBeUndefined();
    expect(nonEmptyString(' eu ')).toBe(' eu ');
  });

  it('isObject: plain objects only', () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
  });

  it('stripStartPosition keeps valued members in either spelling', () => {
    expect(stripStartPosition({ id: 'a', absoluteTime: '', mostRecent: 3 })).toEqual({ Id: 'a', MostRecent: 3 });
    expect(stripStartPosition({ Id: null, AbsoluteTime: 't' })).toEqual({ AbsoluteTime: 't' });
    expect(stripStartPosition(null)).toEqual({});
    expect(toTranscriptRequest({ startPosition: { id: 'x' } }).startPosition).toEqual({ Id: 'x' });
  });
});
