// The session's client-side metrics: names, real latencies, ContentType, websocket counts, disableCSM.
import { CONTENT_TYPE } from '../../../src/constants';
import { silentLogger } from '../../../src/log/logger';
import type { CsmService } from '../../../src/metrics/csmService';
import type { ChatCoreDeps } from '../../../src/session/core/coreDeps';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';
import type { CsmMetric } from '../../../src/types';
import { CUSTOMER_DETAILS, accessDenied, fakeClient, flush, type FakeManager, type Harness } from '../../support/fakes/sessionHarness';

/** The SDK's modules, loaded afresh before each test, so each test starts with a csmService no session has used. */
let sdk: {
  csmService: CsmService;
  normalizeCreateArgs: typeof import('../../../src/session/args/chatArgs').normalizeCreateArgs;
  ChatCore: typeof import('../../../src/session/core/chatCore').ChatCore;
  CustomerChatSession: typeof import('../../../src/session/customerChatSession').CustomerChatSession;
  harness: typeof import('../../support/fakes/sessionHarness');
};
beforeEach(() => {
  jest.isolateModules(() => {
    sdk = {
      csmService: require('../../../src/metrics/csmService').csmService,
      normalizeCreateArgs: require('../../../src/session/args/chatArgs').normalizeCreateArgs,
      ChatCore: require('../../../src/session/core/chatCore').ChatCore,
      CustomerChatSession: require('../../../src/session/customerChatSession').CustomerChatSession,
      harness: require('../../support/fakes/sessionHarness'),
    };
  });
});

const dims = (metric: CsmMetric): string[] => metric.dimensions.map((d) => `${d.name}=${d.value}`);
const named = (name: string): CsmMetric[] => sdk.csmService.getMetrics().filter((m) => m.metricName === name);
const kind = (metrics: CsmMetric[], value: string): CsmMetric | undefined =>
  metrics.find((m) => m.dimensions.some((d) => d.name === 'Metric' && d.value === value));

/** Makes a fake client method answer after `ms` of (fake) time. */
function answerAfter<T>(mock: jest.Mock, ms: number, value: T): void {
  mock.mockImplementation(() => new Promise((resolve) => setTimeout(() => resolve(value), ms)));
}

async function connected(): Promise<Harness<CustomerChatSession>> {
  const h = sdk.harness.customerHarness();
  await sdk.harness.connectCustomer(h);
  return h;
}

/** A customer session over fakes created with extra create() arguments (the shared harness takes only details). */
function customerWith(extra: object): { session: CustomerChatSession; managers: FakeManager[]; client: ReturnType<typeof fakeClient> } {
  const client = fakeClient();
  const managers: FakeManager[] = [];
  const deps: ChatCoreDeps = {
    client: () => client as unknown as ReturnType<ChatCoreDeps['client']>,
    attachments: { upload: jest.fn(), download: jest.fn(), url: jest.fn() },
    createManager: () => {
      const manager = new sdk.harness.FakeManager();
      managers.push(manager);
      return manager;
    },
    logger: silentLogger,
  };
  const args = sdk.normalizeCreateArgs({ type: 'CUSTOMER', chatDetails: CUSTOMER_DETAILS, ...extra });
  return { session: new sdk.CustomerChatSession(new sdk.ChatCore(args, deps)), managers, client };
}

describe('session metrics', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('sendMessage records its latency in ms, a Count and an Error of 0, with the ContentType', async () => {
    const h = await connected();
    answerAfter(h.client.sendMessage, 250, { Id: 'm-1', AbsoluteTime: '2025-03-01T10:00:00.250Z', $metadata: {} });
    const sent = h.session.sendMessage({ message: 'hi', contentType: 'text/markdown' });
    await flush();
    jest.advanceTimersByTime(250);
    await sent;
    const metrics = named('SendMessage');
    expect(metrics).toHaveLength(3);
    const latency = kind(metrics, 'Latency');
    expect(latency).toMatchObject({ unit: 'Milliseconds', value: 250, namespace: 'chat-widget' });
    expect(dims(latency as CsmMetric)).toEqual([
      'WidgetType=CustomChatWidget',
      'Metric=Latency',
      'Category=API',
      'ContentType=text/markdown',
    ]);
    expect(dims(kind(metrics, 'Count') as CsmMetric)).toEqual([
      'WidgetType=CustomChatWidget',
      'Category=API',
      'ContentType=text/markdown',
      'Metric=Count',
    ]);
    expect(kind(metrics, 'Error')?.value).toBe(0);
  });

  it('a failed call records an Error of 1', async () => {
    const h = await connected();
    h.client.getTranscript.mockRejectedValue(new Error('boom'));
    await expect(h.session.getTranscript({})).rejects.toThrow('boom');
    const metrics = named('GetTranscript');
    expect(kind(metrics, 'Error')?.value).toBe(1);
    expect(kind(metrics, 'Count')?.value).toBe(1);
    expect(dims(kind(metrics, 'Latency') as CsmMetric)).not.toContain('ContentType=text/plain');
  });

  it('sendEvent carries the event ContentType', async () => {
    const h = await connected();
    await h.session.sendEvent({ contentType: CONTENT_TYPE.typing });
    expect(dims(kind(named('SendEvent'), 'Latency') as CsmMetric)).toContain(`ContentType=${CONTENT_TYPE.typing}`);
  });

  it('sendAttachment carries the file type', async () => {
    const h = await connected();
    const file = new File(['x'], 'a.png', { type: 'image/png' });
    await h.session.sendAttachment({ attachment: file });
    expect(dims(kind(named('SendAttachment'), 'Latency') as CsmMetric)).toContain('ContentType=image/png');
  });

  it.each([
    ['downloadAttachment', 'DownloadAttachment'],
    ['getAttachmentURL', 'GetAttachmentURL'],
    ['describeView', 'DescribeView'],
    ['getAuthenticationUrl', 'GetAuthenticationUrl'],
    ['cancelParticipantAuthentication', 'CancelParticipantAuthentication'],
    ['disconnectParticipant', 'DisconnectParticipant'],
  ])('%s is recorded as %s, never as "undefined"', async (method, metricName) => {
    const h = await connected();
    const args = { attachmentId: 'att-1', viewToken: 'vt-1', redirectUri: 'https://app.example/back', sessionId: 's-1' };
    await (h.session as unknown as Record<string, (a: object) => Promise<unknown>>)[method](args);
    expect(named(metricName)).toHaveLength(3);
    expect(sdk.csmService.getMetrics().map((m) => m.metricName)).not.toContain('undefined');
  });

  it('the websocket lifecycle is counted: gained, incoming, lost, deep heartbeat, ended', async () => {
    const h = await connected();
    h.manager.push({ Id: 'i-1', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'x', AbsoluteTime: '2025-03-01T10:00:01.000Z', ContactId: 'c-1', InitialContactId: 'c-1' });
    h.manager.fire('deepSuccess');
    h.manager.fire('deepFailure');
    h.manager.fire('lost');
    await flush();
    const names = sdk.csmService.getMetrics().map((m) => m.metricName);
    expect(names).toEqual(
      expect.arrayContaining([
        'WebsocketConnectionGained',
        'WebsocketIncomingMessage',
        'WebsocketDeepHeartbeatSuccess',
        'WebsocketDeepHeartbeatFailure',
        'WebsocketConnectionLost',
      ]),
    );
    const gained = named('WebsocketConnectionGained')[0] as CsmMetric;
    expect(dims(gained)).toEqual(['WidgetType=CustomChatWidget', 'Category=API', 'Metric=Count']);
    h.manager.push({ Id: 'e-1', Type: 'EVENT', ContentType: CONTENT_TYPE.chatEnded, AbsoluteTime: '2025-03-01T10:00:02.000Z', ContactId: 'c-1', InitialContactId: 'c-1' });
    await flush();
    expect(named('WebsocketEnded')).toHaveLength(1);
  });

  it('the session initialises csmService and batches reach the configured publisher', async () => {
    const published: CsmMetric[][] = [];
    sdk.csmService.updateCsmConfig({ publisher: (batch) => void published.push(batch), batchSize: 3, widgetType: 'MyWidget' });
    const h = await connected();
    expect(sdk.csmService.isInitialized()).toBe(true);
    await h.session.sendMessage({ message: 'hi' });
    await sdk.csmService.flush();
    const flat = published.flat();
    expect(flat.some((m) => m.metricName === 'SendMessage' && m.unit === 'Milliseconds')).toBe(true);
    expect(flat.every((m) => m.dimensions[0]?.value === 'MyWidget')).toBe(true);
  });

  it('a session created with disableCSM records nothing', async () => {
    const { session, managers } = customerWith({ disableCSM: true });
    const pending = session.connect();
    await flush();
    managers[0]?.fire('gain');
    await pending;
    await session.sendMessage({ message: 'quiet' });
    expect(sdk.csmService.getMetrics()).toEqual([]);
    expect(sdk.csmService.isInitialized()).toBe(false);
  });

  it('agent sessions record too (documented choice) unless disableCSM', async () => {
    const manager = new sdk.harness.FakeManager();
    const h = sdk.harness.agentHarness(manager, { contactId: 'c-2', participantId: 'p-agent', participantToken: 'pt-a' });
    const pending = h.session.connect();
    await flush();
    manager.fire('gain');
    await pending.catch(() => undefined);
    await h.session.sendMessage({ message: 'from agent' }).catch(() => undefined);
    expect(named('SendMessage').length).toBeGreaterThan(0);
  });

  it('a throwing publisher never breaks the call it measures', async () => {
    sdk.csmService.updateCsmConfig({
      batchSize: 1,
      publisher: () => {
        throw new Error('publisher down');
      },
    });
    const h = await connected();
    h.client.sendMessage.mockRejectedValue(accessDenied());
    await expect(h.session.sendMessage({ message: 'x' })).rejects.toMatchObject({ type: 'AccessDeniedException' });
    expect(kind(named('SendMessage'), 'Error')?.value).toBe(1);
  });
});

describe('CreateParticipantConnection', () => {
  it('records the connect call, and a failed one as an error', async () => {
    const h = sdk.harness.customerHarness();
    await sdk.harness.connectCustomer(h);
    const ok = named('CreateParticipantConnection');
    expect(kind(ok, 'Count')?.value).toBe(1);
    expect(kind(ok, 'Error')?.value).toBe(0);
    h.client.createParticipantConnection.mockRejectedValueOnce(accessDenied());
    await expect(h.manager.transport?.()).resolves.toBeDefined(); // the first transport reuses connect()'s details
    await expect(h.manager.transport?.()).rejects.toMatchObject({ statusCode: 403 });
    const errors = named('CreateParticipantConnection').filter((m) => m.dimensions.some((d) => d.value === 'Error'));
    expect(errors.map((m) => m.value)).toEqual([0, 1]);
  });
});
