// Issue 15 item 9: routing by a Map, the emulator's ticket redacted, one copy of each value check.
import { stripStartPosition } from '../../../src/client/startPosition';
import { CHAT_EVENTS } from '../../../src/constants';
import { redactString } from '../../../src/log/redact';
import { classifyItem } from '../../../src/session/incoming/itemRouter';
import { toTranscriptRequest } from '../../../src/session/outgoing/requestArgs';
import type { ChatTranscriptItem } from '../../../src/types';
import { isObject, nonEmptyString } from '../../../src/util/values';

const PREFIX = 'application/vnd.amazonaws.connect.event.';
const eventItem = (suffix: string): ChatTranscriptItem =>
  ({ Id: 'i1', Type: 'EVENT', ContentType: `${PREFIX}${suffix}`, AbsoluteTime: '2024-01-01T00:00:00.000Z' }) as ChatTranscriptItem;

describe('item routing', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('an event item with suffix %s is an ordinary message', (suffix) => {
    expect(classifyItem(eventItem(suffix), 'me')).toBe(CHAT_EVENTS.INCOMING_MESSAGE);
  });

  it('known suffixes still route to their own events', () => {
    expect(classifyItem(eventItem('typing'), 'me')).toBe(CHAT_EVENTS.INCOMING_TYPING);
    expect(classifyItem(eventItem('chat.rehydrated'), 'me')).toBe(CHAT_EVENTS.CHAT_REHYDRATED);
  });
});

describe('log redaction of websocket tickets', () => {
  it('hides the emulator ticket in a websocket URL', () => {
    const text = redactString('connecting to ws://localhost:8787/ws?ticket=abc123secret&x=1');
    expect(text).not.toContain('abc123secret');
    expect(text).toContain('?ticket=[redacted]&x=1');
  });
});

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
