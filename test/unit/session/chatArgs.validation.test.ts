import { normalizeCreateArgs } from '../../../src/session/args/chatArgs';
import { IllegalArgumentException } from '../../../src/errors';

const customer = { type: 'CUSTOMER', chatDetails: { contactId: 'c', participantId: 'p', participantToken: 't' } };

function errorOf(args: unknown): IllegalArgumentException {
  try {
    normalizeCreateArgs(args);
  } catch (error) {
    return error as IllegalArgumentException;
  }
  throw new Error('expected normalizeCreateArgs to throw');
}

describe('create() arguments', () => {
  it('accepts camelCase details and defaults initialContactId to contactId', () => {
    const args = normalizeCreateArgs(customer);
    expect(args.type).toBe('CUSTOMER');
    expect(args.chatDetails).toEqual({ contactId: 'c', participantId: 'p', initialContactId: 'c', participantToken: 't', getConnectionToken: null });
  });

  it('accepts PascalCase details', () => {
    const args = normalizeCreateArgs({
      type: 'CUSTOMER',
      chatDetails: { ContactId: 'c2', ParticipantId: 'p2', ParticipantToken: 't2', InitialContactId: 'c0' },
    });
    expect(args.chatDetails).toMatchObject({ contactId: 'c2', participantId: 'p2', participantToken: 't2', initialContactId: 'c0' });
  });

  it('defaults the session type to AGENT, as upstream', () => {
    const args = normalizeCreateArgs({ chatDetails: { contactId: 'c', participantId: 'p', participantToken: 't' } });
    expect(args.type).toBe('AGENT');
  });

  it.each([
    ['no arguments', undefined, 'args'],
    ['a non-object', 'nope', 'args'],
    ['missing chatDetails', { type: 'CUSTOMER' }, 'chatDetails'],
    ['empty contactId', { type: 'CUSTOMER', chatDetails: { contactId: '', participantId: 'p', participantToken: 't' } }, 'chatDetails.contactId'],
    ['missing participantId', { type: 'CUSTOMER', chatDetails: { contactId: 'c', participantToken: 't' } }, 'chatDetails.participantId'],
    ['a customer without participantToken', { type: 'CUSTOMER', chatDetails: { contactId: 'c', participantId: 'p' } }, 'chatDetails.participantToken'],
    [
      'an agent whose getConnectionToken is not a function',
      { type: 'AGENT', chatDetails: { contactId: 'c', participantId: 'p', getConnectionToken: 'x' } },
      'chatDetails.getConnectionToken',
    ],
    ['an unknown type', { ...customer, type: 'SUPERVISOR' }, 'type'],
    ['a websocketManager missing methods', { ...customer, websocketManager: { onMessage() {} } }, 'websocketManager'],
  ])('rejects %s with an IllegalArgumentException naming the field', (_label, args, field) => {
    const error = errorOf(args);
    expect(error).toBeInstanceOf(IllegalArgumentException);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('IllegalArgument');
    expect(error.argument).toBe(field);
    expect(error.message).toContain(field.split('.').pop() as string);
  });
});

describe('a websocketManager given to a CUSTOMER session', () => {
  const streamsLike = { subscribeTopics() {}, onMessage() {}, onConnectionGain() {}, onConnectionLost() {}, onInitFailure() {} };

  it('must have init(), since the session starts it; the error says why', () => {
    const error = errorOf({ ...customer, websocketManager: streamsLike });
    expect(error).toBeInstanceOf(IllegalArgumentException);
    expect(error.argument).toBe('websocketManager');
    expect(error.message).toMatch(/init.*CUSTOMER session starts the manager itself/);
  });

  it('is kept when it has init(); an agent may pass one without init() (Streams drives it)', () => {
    const manager = { ...streamsLike, init() {} };
    expect(normalizeCreateArgs({ ...customer, websocketManager: manager }).websocketManager).toBe(manager);
    expect(normalizeCreateArgs({ type: 'AGENT', chatDetails: customer.chatDetails, websocketManager: streamsLike }).websocketManager).toBe(streamsLike);
  });
});
