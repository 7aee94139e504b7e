// Customer authentication against the emulator: the flow's events reach their handlers and the two
// authentication calls answer.
import { randomUUID } from 'crypto';
import { CONTENT_TYPE } from '../../../src/constants';
import { ChatServiceError } from '../../../src/errors';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';
import type { ChatMessageEvent } from '../../../src/types';
import { nextEvent, sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

const sendEvent = (contactId: string, contentType: string, content?: unknown) =>
  world.emulator.control('POST', `/emulator/contacts/${contactId}/events`, { contentType, content, role: 'SYSTEM' });

describe('customer authentication', () => {
  it('hands the session id to onAuthenticationInitiated; getAuthenticationUrl and cancelParticipantAuthentication answer', async () => {
    const { session, contactId } = await world.customer();
    const sessionId = randomUUID();
    const initiated = nextEvent(session.onAuthenticationInitiated.bind(session), 5000, 'onAuthenticationInitiated');
    await sendEvent(contactId, CONTENT_TYPE.authenticationInitiated, { SessionId: sessionId });
    const event = await initiated;
    expect(event.sessionId).toBe(sessionId);
    expect(event.data.ContentType).toBe(CONTENT_TYPE.authenticationInitiated);
    expect(event.chatDetails.contactId).toBe(contactId);

    const url = await session.getAuthenticationUrl({ redirectUri: 'https://shop.example/signed-in', sessionId, metadata: { step: 'auth' } });
    expect(url.metadata).toEqual({ step: 'auth' });
    const authenticationUrl = new URL(url.data.AuthenticationUrl ?? '');
    expect(authenticationUrl.searchParams.get('session_id')).toBe(sessionId);
    expect(authenticationUrl.searchParams.get('redirect_uri')).toBe('https://shop.example/signed-in');

    await expect(session.cancelParticipantAuthentication({ sessionId })).resolves.toMatchObject({ metadata: null });
    const badSession = await session.cancelParticipantAuthentication({ sessionId: 'too-short' }).catch((e: unknown) => e);
    expect(badSession).toBeInstanceOf(ChatServiceError);
    expect(badSession).toMatchObject({ type: 'ValidationException', statusCode: 400 });
  });

  type Subscribe = (s: CustomerChatSession) => (handler: (e: ChatMessageEvent) => void) => () => void;
  const outcomes: Array<[string, string, Subscribe]> = [
    ['succeeded', CONTENT_TYPE.authenticationSuccessful, (s) => s.onAuthenticationSuccessful.bind(s)],
    ['failed', CONTENT_TYPE.authenticationFailed, (s) => s.onAuthenticationFailed.bind(s)],
    ['timeout', CONTENT_TYPE.authenticationTimeout, (s) => s.onAuthenticationTimeout.bind(s)],
    ['expired', CONTENT_TYPE.authenticationExpired, (s) => s.onAuthenticationExpired.bind(s)],
    ['cancelled', CONTENT_TYPE.authenticationCanceled, (s) => s.onAuthenticationCanceled.bind(s)],
    ['participant.displayname.updated', CONTENT_TYPE.participantDisplayNameUpdated, (s) => s.onParticipantDisplayNameUpdated.bind(s)],
  ];

  it('delivers every outcome event to its own handler with { chatDetails, data }', async () => {
    const { session, contactId } = await world.customer();
    for (const [name, contentType, subscribe] of outcomes) {
      const heard = nextEvent(subscribe(session), 5000, `the ${name} event`);
      await sendEvent(contactId, contentType);
      const event = await heard;
      expect(Object.keys(event).sort()).toEqual(['chatDetails', 'data']);
      expect(event.data).toMatchObject({ ContentType: contentType, Type: 'EVENT' });
      expect(event.chatDetails).toMatchObject({ contactId });
    }
  });

  it('routes outcome events away from onMessage', async () => {
    const { session, contactId, log } = await world.customer();
    const succeeded = nextEvent(session.onAuthenticationSuccessful.bind(session), 5000, 'succeeded');
    await sendEvent(contactId, CONTENT_TYPE.authenticationSuccessful);
    await succeeded;
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { role: 'SYSTEM', content: 'welcome back' });
    await log.until((items) => items.some((i) => i.Content === 'welcome back'), 5000, 'the next message');
    expect(log.items.some((i) => i.ContentType === CONTENT_TYPE.authenticationSuccessful)).toBe(false);
  });
});
