/**
 * @jest-environment node
 */
// setGlobalConfig({ useDualStack }) (upstream 5.3.0) reaches a session's Participant Service calls: the
// client a session uses is built for the dual-stack URL of the session's region; an endpoint wins.
import { ChatSession } from '../../../src/chatSession';
import * as participantClient from '../../../src/client/participantClient';
import { globalConfig } from '../../../src/config/globalConfig';

afterEach(() => {
  // Back to the defaults this file changes (no dual-stack, the service's own endpoint).
  globalConfig.update({ useDualStack: false, endpoint: null as never });
  jest.restoreAllMocks();
});

/** The endpoints the session's first call asked its client for. */
async function endpointsOfFirstCall(): Promise<Array<string | undefined>> {
  // Node 20 has no WebSocket: a stand-in gets connect() as far as its first service call (which fails here).
  ChatSession.setGlobalConfig({ webSocketManagerConfig: { WebSocket: class NoSocket {} as never } });
  const made = jest.spyOn(participantClient, 'getParticipantClient').mockImplementation(() => {
    throw new Error('no network in this test');
  });
  const session = ChatSession.create({
    type: 'CUSTOMER',
    chatDetails: { contactId: 'c', participantId: 'p', participantToken: 't' },
    options: { region: 'eu-west-2' },
    disableCSM: true,
  });
  await session.connect().catch(() => undefined);
  return made.mock.calls.map(([config]) => config.endpoint);
}

it('gives the session’s client the dual-stack URL of its region', async () => {
  ChatSession.setGlobalConfig({ useDualStack: true });
  const endpoints = await endpointsOfFirstCall();
  expect(endpoints.length).toBeGreaterThan(0);
  expect(new Set(endpoints)).toEqual(new Set(['https://participant.connect.eu-west-2.api.aws']));
});

it('leaves the endpoint to the client by default, and an explicit endpoint wins over dual-stack', async () => {
  expect(new Set(await endpointsOfFirstCall())).toEqual(new Set([undefined]));
  jest.restoreAllMocks();
  ChatSession.setGlobalConfig({ useDualStack: true, endpoint: 'http://127.0.0.1:9100' });
  expect(new Set(await endpointsOfFirstCall())).toEqual(new Set(['http://127.0.0.1:9100']));
});
