/**
 * @jest-environment node
 */
// The private member names terser may shorten in the script-tag bundle (scripts/privateMembers.js): only
// names nothing observable reaches.
// @ts-expect-error plain CommonJS module without types
import { manglablePrivateMembers } from '../../../scripts/privateMembers.js';

describe('manglable private members', () => {
  const names = new Set<string>((manglablePrivateMembers as () => string[])());

  it('include private members used by nothing else', () => {
    expect(names.has('armFlushTimer')).toBe(true);
    expect(names.has('deliveredIds')).toBe(true);
  });

  it('exclude public methods, payload fields, SDK and browser names, and anything named in a string', () => {
    // A public method, an event payload field, a field sent to the service, SDK config, a DOM property.
    for (const name of ['sendMessage', 'connect', 'chatDetails', 'participantToken', 'ContentType', 'logger', 'readyState', 'onmessage']) {
      expect(names.has(name)).toBe(false);
    }
    expect(names.has('constructor')).toBe(false);
  });
});
