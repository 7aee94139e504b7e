/**
 * @jest-environment node
 */
// A session whose Participant Service calls go through the app's own client (upstream 5.2.0's
// customChatClient): the real session and its services over a fake client and a fake websocket manager.
// (Node environment: the AWS SDK's browser build is ES modules that jest does not load.)
import { ChatSession } from '../../../src/chatSession';
import { ChatClient } from '../../../src/client/chatClient';
import { ParticipantClient } from '../../../src/client/participantClient';
import { AttachmentError, ChatServiceError, IllegalArgumentException, UnImplementedMethodException } from '../../../src/errors';
import type { ChatClientConnection, ChatClientResponse, ChatClientTranscriptArgs, CustomerChatSessionArgs } from '../../../src/types';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';
import { FakeManager, flush, FUTURE } from '../../support/fakes/sessionHarness';

const WS_URL = 'ws://127.0.0.1:9/relay/socket';
const answer = <D>(data: D): Promise<ChatClientResponse<D>> => Promise.resolve({ data });

/** Records every call; `holdsToken` decides whether its connection answer carries ConnectionCredentials. */
class RecordingClient extends ChatClient {
  readonly calls: { method: string; args: unknown[] }[] = [];
  connections = 0;
  constructor(private readonly holdsToken: boolean) {
    super();
  }
  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
  }
  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }
  override createParticipantConnection(...args: [string | null, ('WEBSOCKET' | 'CONNECTION_CREDENTIALS')[] | null, boolean | null]) {
    this.record('createParticipantConnection', args);
    this.connections += 1;
    const data: ChatClientConnection = { Websocket: { Url: WS_URL, ConnectionExpiry: FUTURE(100_000) } };
    if (!this.holdsToken) data.ConnectionCredentials = { ConnectionToken: `ct-${this.connections}`, Expiry: FUTURE(86_400_000) };
    return answer(data);
  }
  override disconnectParticipant(...args: [string | null]) {
    this.record('disconnectParticipant', args);
    return answer({});
  }
  override sendMessage(...args: [string | null, string, string, string?]) {
    this.record('sendMessage', args);
    return answer({ Id: 'm-1', AbsoluteTime: '2026-12-06T00:00:00.000Z' });
  }
  override sendEvent(...args: [string | null, string, string?, string?]) {
    this.record('sendEvent', args);
    return answer({ Id: 'e-1', AbsoluteTime: '2026-12-06T00:00:00.000Z' });
  }
  override getTranscript(...args: [string | null, ChatClientTranscriptArgs]) {
    this.record('getTranscript', args);
    return answer({ InitialContactId: 'c-1', Transcript: [] });
  }
}

const IDS = { contactId: 'c-1', participantId: 'p-1' };
const sessions: CustomerChatSession[] = [];
let manager: FakeManager;

function createSession(extra: Partial<CustomerChatSessionArgs> = {}): CustomerChatSession {
  manager = new FakeManager();
  const session = ChatSession.create({
    type: 'CUSTOMER',
    chatDetails: IDS,
    websocketManager: manager,
    tabs: { shareConnection: false, restoreOnReload: false },
    outbox: { store: 'memory' },
    ...extra,
  });
  sessions.push(session);
  return session;
}

async function connect(session: CustomerChatSession): Promise<void> {
  const pending = session.connect();
  // Enough turns for connect() to reach the manager through the adapter's call and its retry loop.
  await flush(20);
  manager.fire('gain');
  await pending;
}

const logLines: string[] = [];
beforeEach(() => {
  jest.useFakeTimers();
  logLines.length = 0;
  const capture = (...args: unknown[]): void => void logLines.push(args.map(String).join(' '));
  ChatSession.setGlobalConfig({ loggerConfig: { customizedLogger: { debug: capture, info: capture, warn: capture, error: capture }, level: 10 } });
});
afterEach(() => {
  sessions.splice(0).forEach((session) => session.close());
  ChatSession.setGlobalConfig({ customChatClient: null, loggerConfig: { useDefaultLogger: false } });
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe('a client that keeps the tokens (no participantToken, no ConnectionCredentials)', () => {
  it('connects with a null participantToken, opens the websocket the client returned, and holds no token', async () => {
    const client = new RecordingClient(true);
    const session = createSession({ options: { customChatClient: client } });
    await connect(session);
    expect(client.callsOf('createParticipantConnection')).toEqual([[null, ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], null]]);
    await expect(manager.transport?.()).resolves.toMatchObject({ webSocketTransport: { url: WS_URL } });
    expect(session.getChatDetails().participantToken).toBeNull();
    expect(session.getChatDetails().connectionDetails?.connectionToken).toBe('');
    expect(logLines.some((line) => line.includes('keeps the connection token'))).toBe(true);
  });

  it('hands every later call a null connectionToken, with our ClientToken, and resolves the client’s data', async () => {
    const client = new RecordingClient(true);
    const session = createSession({ options: { customChatClient: client } });
    await connect(session);
    const sent = await session.sendMessage({ message: 'hello', contentType: 'text/plain', metadata: { row: 3 } });
    expect(sent).toEqual({ data: { Id: 'm-1', AbsoluteTime: '2026-12-06T00:00:00.000Z' }, metadata: { row: 3 } });
    const [token, content, contentType, clientToken] = client.callsOf('sendMessage')[0] as [unknown, string, string, string];
    expect([token, content, contentType]).toEqual([null, 'hello', 'text/plain']);
    expect(clientToken).toMatch(/^[0-9a-f-]{36}$/);
    await session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
    expect(client.callsOf('sendEvent')[0].slice(0, 3)).toEqual([null, 'application/vnd.amazonaws.connect.event.typing', undefined]);
    await session.disconnectParticipant();
    expect(client.callsOf('disconnectParticipant')).toEqual([[null]]);
  });

  it('never builds the built-in client, and starts no token renewal', async () => {
    const builtIn = jest.spyOn(ParticipantClient.prototype, 'createParticipantConnection');
    const builtInSend = jest.spyOn(ParticipantClient.prototype, 'sendMessage');
    const client = new RecordingClient(true);
    const session = createSession({ options: { customChatClient: client } });
    await connect(session);
    await session.sendMessage({ message: 'hi' });
    await session.getTranscript({});
    await jest.advanceTimersByTimeAsync(2 * 24 * 60 * 60 * 1000);
    expect(builtIn).not.toHaveBeenCalled();
    expect(builtInSend).not.toHaveBeenCalled();
    expect(client.callsOf('createParticipantConnection')).toHaveLength(1);
  });

  it('a client answering neither credentials nor a websocket URL fails connect() saying what is missing', async () => {
    class NoUrlClient extends RecordingClient {
      override createParticipantConnection() {
        return answer({});
      }
    }
    const session = createSession({ options: { customChatClient: new NoUrlClient(true) } });
    const failed = session.connect();
    await expect(failed).rejects.toMatchObject({ type: 'InvalidResponse', message: expect.stringContaining('Websocket.Url') });
  });
});

describe('a client that passes tokens through', () => {
  it('gets the participant token and then the connection token, and the transcript request in camelCase', async () => {
    const client = new RecordingClient(false);
    const session = createSession({ chatDetails: { ...IDS, participantToken: 'pt-1' }, options: { customChatClient: client } });
    await connect(session);
    expect(client.callsOf('createParticipantConnection')[0][0]).toBe('pt-1');
    await session.getTranscript({ maxResults: 30, startPosition: { id: 'item-9' }, nextToken: 'next-1' });
    expect(client.callsOf('getTranscript')[0]).toEqual([
      'ct-1',
      { maxResults: 30, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING', startPosition: { id: 'item-9' }, nextToken: 'next-1' },
    ]);
  });

  it('an AccessDeniedException renews the token through the client and retries the call once', async () => {
    const client = new RecordingClient(false);
    let denied = false;
    jest.spyOn(client, 'sendEvent').mockImplementation(async (token) => {
      if (!denied) {
        denied = true;
        return Promise.reject({ type: 'AccessDeniedException', message: 'expired', statusCode: 403 });
      }
      return { data: { Id: `e-${String(token)}`, AbsoluteTime: 't' } };
    });
    const session = createSession({ chatDetails: { ...IDS, participantToken: 'pt-1' }, options: { customChatClient: client } });
    await connect(session);
    const sent = await session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
    expect(sent?.data).toEqual({ Id: 'e-ct-2', AbsoluteTime: 't' });
    expect(client.connections).toBe(2);
  });
});

describe('our error handling and retries around it', () => {
  it('upstream-shaped rejections become ChatServiceError with the caller’s metadata; a 400 is not retried', async () => {
    const client = new RecordingClient(true);
    const getTranscript = jest.spyOn(client, 'getTranscript').mockRejectedValue({ type: 'ValidationException', message: 'bad page', statusCode: 400 });
    const session = createSession({ options: { customChatClient: client } });
    await connect(session);
    const failed = session.getTranscript({ metadata: 'm' });
    await expect(failed).rejects.toBeInstanceOf(ChatServiceError);
    await expect(failed).rejects.toMatchObject({ type: 'ValidationException', statusCode: 400, message: 'bad page', metadata: 'm', retryable: false });
    expect(getTranscript).toHaveBeenCalledTimes(1);
  });

  it('throttling and 5xx are retried as the built-in client retries them (3 tries)', async () => {
    const client = new RecordingClient(true);
    const getTranscript = jest
      .spyOn(client, 'getTranscript')
      .mockRejectedValueOnce({ type: 'ThrottlingException', message: 'slow down', statusCode: 429 })
      .mockRejectedValueOnce(new ChatServiceError({ type: 'InternalServerException', message: 'oops', statusCode: 500, retryable: true }))
      .mockResolvedValue({ data: { InitialContactId: 'c-1', Transcript: [] } });
    const session = createSession({ options: { customChatClient: client } });
    await connect(session);
    const page = session.getTranscript({});
    await jest.advanceTimersByTimeAsync(25_000);
    await expect(page).resolves.toMatchObject({ data: { Transcript: [] } });
    expect(getTranscript).toHaveBeenCalledTimes(3);
  });

  it('a message that meets an outage waits in the outbox and goes out once, with the same ClientToken', async () => {
    const client = new RecordingClient(true);
    const send = jest
      .spyOn(client, 'sendMessage')
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValue({ data: { Id: 'm-2', AbsoluteTime: 't' } });
    const session = createSession({ options: { customChatClient: client } });
    await connect(session);
    const sent = session.sendMessage({ message: 'through the outage' });
    await jest.advanceTimersByTimeAsync(30_000);
    await expect(sent).resolves.toMatchObject({ data: { Id: 'm-2' } });
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[0][3]).toBe(send.mock.calls[1][3]);
  });
});

describe('what the client leaves out', () => {
  it('a call the subclass does not override rejects UnImplementedMethodException; create() logs what is missing', async () => {
    const client = new RecordingClient(true);
    const session = createSession({ options: { customChatClient: client } });
    expect(logLines.some((line) => line.includes('lacks sendAttachment, downloadAttachment, getAttachmentURL, describeView'))).toBe(true);
    expect(logLines.some((line) => line.includes('a chat needs them'))).toBe(false);
    await connect(session);
    await expect(session.describeView({ viewToken: 'v' })).rejects.toBeInstanceOf(UnImplementedMethodException);
  });

  it('says that tabs.leaveOnClose does nothing with it (the keepalive leave would bypass the client)', () => {
    createSession({ options: { customChatClient: new RecordingClient(true) }, tabs: { shareConnection: false, restoreOnReload: false, leaveOnClose: true } });
    expect(logLines.some((line) => line.includes('tabs.leaveOnClose does nothing with a customChatClient'))).toBe(true);
  });

  it('a plain object missing core methods is logged as an error, and calling one rejects naming it', async () => {
    const client = { createParticipantConnection: () => answer({ Websocket: { Url: WS_URL } }) } as unknown as ChatClient;
    const session = createSession({ options: { customChatClient: client } });
    expect(logLines.some((line) => line.includes('lacks disconnectParticipant, sendMessage, sendEvent, getTranscript: a chat needs them'))).toBe(true);
    await connect(session);
    await expect(session.getTranscript({})).rejects.toThrow('customChatClient: getTranscript is not implemented');
  });
});

describe('attachments through the client', () => {
  class AttachmentClient extends RecordingClient {
    override sendAttachment(...args: [string | null, Blob & { name: string }, unknown]) {
      this.calls.push({ method: 'sendAttachment', args });
      return answer({ AttachmentId: 'att-1' });
    }
    override downloadAttachment() {
      return Promise.resolve(new Blob(['bytes']));
    }
    override getAttachmentURL(token: string | null, attachmentId: string) {
      return Promise.resolve(`/files/${attachmentId}?held=${String(token)}`);
    }
  }

  it('our checks run first; the client gets the checked file and the caller’s metadata', async () => {
    const client = new AttachmentClient(true);
    const session = createSession({ options: { customChatClient: client } });
    await connect(session);
    const refused = session.sendAttachment({ attachment: new File(['x'], 'run.exe', { type: 'application/x-msdownload' }) });
    await expect(refused).rejects.toBeInstanceOf(AttachmentError);
    const sent = await session.sendAttachment({ attachment: new File(['hello'], 'notes.txt', { type: '' }), metadata: { row: 1 } });
    expect(sent).toEqual({ data: { AttachmentId: 'att-1' }, metadata: { row: 1 } });
    const [token, file, metadata] = client.callsOf('sendAttachment')[0] as [unknown, File, unknown];
    expect([token, file.name, file.type, file.size, metadata]).toEqual([null, 'notes.txt', 'text/plain', 5, { row: 1 }]);
    expect(await (await session.downloadAttachment({ attachmentId: 'att-1' })).text()).toBe('bytes');
    await expect(session.getAttachmentURL({ attachmentId: 'att-1' })).resolves.toBe('/files/att-1?held=null');
  });
});

describe('where the client comes from', () => {
  it('setGlobalConfig({ customChatClient }) serves later sessions; a session’s own option wins; null goes back', async () => {
    const global = new RecordingClient(true);
    const own = new RecordingClient(true);
    ChatSession.setGlobalConfig({ customChatClient: global });
    await connect(createSession());
    await connect(createSession({ options: { customChatClient: own } }));
    expect(global.connections).toBe(1);
    expect(own.connections).toBe(1);
    ChatSession.setGlobalConfig({ customChatClient: null });
    expect(() => createSession()).toThrow(IllegalArgumentException);
    expect(() => createSession()).toThrow('chatDetails.participantToken is required');
  });

  it('refuses a client that is not an object, naming the field', () => {
    expect(() => createSession({ options: { customChatClient: 'proxy' as unknown as ChatClient } })).toThrow(
      expect.objectContaining({ name: 'IllegalArgument', argument: 'options.customChatClient' }),
    );
    expect(() => ChatSession.setGlobalConfig({ customChatClient: 42 as unknown as ChatClient })).toThrow(
      expect.objectContaining({ name: 'IllegalArgument', argument: 'customChatClient' }),
    );
  });

  it('is reachable as connect.ChatSession.ChatClient, and its stubs reject naming the method', async () => {
    expect(ChatSession.ChatClient).toBe(ChatClient);
    await expect(new ChatClient().sendMessage(null, 'x', 'text/plain')).rejects.toThrow('customChatClient: sendMessage is not implemented');
  });
});
