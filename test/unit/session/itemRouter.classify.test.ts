import { belongsToContact, classifyItem, parseItem } from '../../../src/session/incoming/itemRouter';
import { CHAT_EVENTS, CONTENT_TYPE } from '../../../src/constants';
import type { ChatTranscriptItem } from '../../../src/types';

const item = (fields: object) => ({ AbsoluteTime: 't', Id: 'i', Type: 'EVENT', ContentType: 'text/plain', ...fields });

describe('item routing', () => {
  it.each([
    [CONTENT_TYPE.textPlain, 'INCOMING_MESSAGE'],
    [CONTENT_TYPE.chatEnded, 'INCOMING_MESSAGE'],
    [CONTENT_TYPE.participantJoined, 'INCOMING_MESSAGE'],
    [CONTENT_TYPE.typing, 'INCOMING_TYPING'],
    [CONTENT_TYPE.participantIdle, 'PARTICIPANT_IDLE'],
    [CONTENT_TYPE.participantReturned, 'PARTICIPANT_RETURNED'],
    [CONTENT_TYPE.participantInvited, 'PARTICIPANT_INVITED'],
    [CONTENT_TYPE.autoDisconnection, 'AUTODISCONNECTION'],
    [CONTENT_TYPE.authenticationInitiated, 'AUTHENTICATION_INITIATED'],
    [CONTENT_TYPE.authenticationSuccessful, 'AUTHENTICATION_SUCCESSFUL'],
    [CONTENT_TYPE.authenticationFailed, 'AUTHENTICATION_FAILED'],
    [CONTENT_TYPE.authenticationTimeout, 'AUTHENTICATION_TIMEOUT'],
    [CONTENT_TYPE.authenticationExpired, 'AUTHENTICATION_EXPIRED'],
    [CONTENT_TYPE.authenticationCanceled, 'AUTHENTICATION_CANCELED'],
    [CONTENT_TYPE.participantDisplayNameUpdated, 'PARTICIPANT_DISPLAY_NAME_UPDATED'],
    [CONTENT_TYPE.chatRehydrated, 'CHAT_REHYDRATED'],
  ])('%s becomes %s', (contentType, event) => {
    expect(classifyItem(item({ ContentType: contentType }), 'me')).toBe(event);
  });

  it('routes an ATTACHMENT item, which has no top-level ContentType, to onMessage', () => {
    const attachment = { AbsoluteTime: 't', Id: 'a', Type: 'ATTACHMENT', Attachments: [{ AttachmentId: 'x', AttachmentName: 'n', ContentType: 'image/png', Status: 'APPROVED' }] };
    expect(classifyItem(attachment as never, 'me')).toBe('INCOMING_MESSAGE');
  });

  it('turns MESSAGEMETADATA into a read receipt, read winning over delivered', () => {
    const receipt = item({ Type: 'MESSAGEMETADATA', MessageMetadata: { Receipts: [{ ReadTimestamp: 'r', DeliveredTimestamp: 'd', RecipientParticipantId: 'other' }] } });
    expect(classifyItem(receipt, 'me')).toBe('INCOMING_READ_RECEIPT');
  });

  it('turns a delivered-only receipt into a delivered receipt', () => {
    const receipt = item({ Type: 'MESSAGEMETADATA', MessageMetadata: { Receipts: [{ DeliveredTimestamp: 'd', RecipientParticipantId: 'other' }] } });
    expect(classifyItem(receipt, 'me')).toBe('INCOMING_DELIVERED_RECEIPT');
  });

  it('drops receipts the participant sent itself and receipts without receipts', () => {
    const own = item({ Type: 'MESSAGEMETADATA', MessageMetadata: { Receipts: [{ ReadTimestamp: 'r', RecipientParticipantId: 'me' }] } });
    expect(classifyItem(own, 'me')).toBeNull();
    expect(classifyItem(item({ Type: 'MESSAGEMETADATA', MessageMetadata: {} }), 'me')).toBeNull();
  });

  it('parses frame content and refuses what is not an item', () => {
    expect(parseItem('{"Id":"1","Type":"MESSAGE","ContentType":"text/plain"}')).toMatchObject({ Id: '1' });
    expect(parseItem('not json')).toBeNull();
    expect(parseItem('42')).toBeNull();
    expect(parseItem(undefined)).toBeNull();
  });

  it('filters by contact but lets receipts through', () => {
    expect(belongsToContact(item({ ContactId: 'c1' }), 'c1', 'c0')).toBe(true);
    expect(belongsToContact(item({ InitialContactId: 'c0' }), 'c1', 'c0')).toBe(true);
    expect(belongsToContact(item({ ContactId: 'c9', InitialContactId: 'c8' }), 'c1', 'c0')).toBe(false);
    expect(belongsToContact(item({ ContactId: 'c9', Type: 'MESSAGEMETADATA' }), 'c1', 'c0')).toBe(true);
  });
});

const PREFIX = 'application/vnd.amazonaws.connect.event.';
const eventItem = (suffix: string): ChatTranscriptItem =>
  ({ Id: 'i1', Type: 'EVENT', ContentType: `${PREFIX}${suffix}`, AbsoluteTime: '2024-01-01T00:00:00.000Z' }) as ChatTranscriptItem;

describe('item routing by event suffix', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('an event item with suffix %s is an ordinary message', (suffix) => {
    expect(classifyItem(eventItem(suffix), 'me')).toBe(CHAT_EVENTS.INCOMING_MESSAGE);
  });

  it('known suffixes still route to their own events', () => {
    expect(classifyItem(eventItem('typing'), 'me')).toBe(CHAT_EVENTS.INCOMING_TYPING);
    expect(classifyItem(eventItem('chat.rehydrated'), 'me')).toBe(CHAT_EVENTS.CHAT_REHYDRATED);
  });
});
