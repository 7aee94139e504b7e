// Fields the bundled AWS SDK model does not know reach the app: getTranscript returns every field of the
// service's JSON (the emulator's items carry InitialContactId, and the control API lets a message carry
// MessageMetadata.MessageCompleted and a field no model has), and so do the other calls.
import { ParticipantClient } from '../../../src/client/participantClient';
import { rawJson } from '../../support/emulator/testEmulator';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

describe('fields the SDK model does not know', () => {
  it('getTranscript returns them on items and inside MessageMetadata, as the service sent them', async () => {
    const { session, contactId, log } = await world.customer();
    const agent = await world.emulator.agent(contactId, 'Ada');
    const messageMetadata = { MessageCompleted: true, ChunkNumber: 2, FieldFromTheFuture: { nested: ['kept'] } };
    const sent = await world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, {
      participantId: agent.participantId,
      content: 'carries extra fields',
      messageMetadata,
    });
    expect(sent.status).toBe(200);
    await log.until((items) => items.some((i) => i.Content === 'carries extra fields'), 5000, 'the agent message');

    const page = await session.getTranscript({ maxResults: 100, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' });

    expect(page.data.InitialContactId).toBe(contactId);
    const item = (page.data.Transcript ?? []).find((i) => i.Content === 'carries extra fields');
    expect(item).toBeDefined();
    expect(item).toMatchObject({ InitialContactId: contactId, ContactId: contactId });
    expect(item?.MessageMetadata).toMatchObject(messageMetadata);
  });

  it('every call answers with the service JSON exactly as it came over HTTP, plus $metadata', async () => {
    const { session, contactId } = await world.customer();
    const agent = await world.emulator.agent(contactId, 'Ada');
    await session.sendMessage({ message: 'one', contentType: 'text/plain' });
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, {
      participantId: agent.participantId,
      content: 'two',
      messageMetadata: { MessageCompleted: false, Unmodelled: 1 },
    });
    const request = { MaxResults: 50, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: {} };
    const raw = await rawJson(`${world.emulator.url}/participant/transcript`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-bearer': agent.connectionToken },
      body: JSON.stringify(request),
    });
    expect(raw.status).toBe(200);

    const client = new ParticipantClient({ region: 'us-east-1', endpoint: world.emulator.url });
    const answer = await client.getTranscript(agent.connectionToken, { maxResults: 50, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' });
    client.destroy();

    const { $metadata, ...fields } = answer;
    expect(fields).toEqual(raw.body);
    expect($metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
  });
});
