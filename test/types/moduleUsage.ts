// Compiles against dist/index.d.ts: an app that imports the named exports.
import {
  ChatClient,
  ChatEndedException,
  ChatSession,
  ChatServiceError,
  CONTENT_TYPE,
  IllegalArgumentException,
  IllegalStateException,
  UnknownResumeItemException,
  type ChatClientLike,
  type ChatClientResponse,
  type ChatClientTranscriptArgs,
  type ChatClientTranscriptPage,
  type ChatTranscriptItem,
  type ControllerState,
  type CustomerChatSession,
} from 'amazon-connect-chatjs';

export function start(): CustomerChatSession {
  const session = ChatSession.create({
    type: 'CUSTOMER',
    chatDetails: { ContactId: 'c', ParticipantId: 'p', ParticipantToken: 't' },
    features: { recoverMissedMessages: true },
  });
  session.onMessage(({ data }: { data: ChatTranscriptItem }) => console.log(data.Id));
  session.sendMessage({ message: 'hi', contentType: CONTENT_TYPE.textMarkdown }).catch((error: unknown) => {
    if (error instanceof ChatServiceError) console.log(error.type, error.statusCode, error.metadata);
    if (error instanceof IllegalArgumentException) console.log(error.argument);
    if (error instanceof IllegalStateException) console.log(error.message);
  });
  return session;
}

// A relay: items one at a time, typed resume outcomes, close().
export async function relay(session: CustomerChatSession, lastItemId: string): Promise<string | null> {
  const items: AsyncIterableIterator<ChatTranscriptItem> = session.items({ includeTransient: false });
  try {
    await session.connect({ resumeAfterItemId: lastItemId });
  } catch (error) {
    if (error instanceof ChatEndedException) return String(error.statusCode);
    if (error instanceof UnknownResumeItemException) return error.itemId;
    throw error;
  }
  for await (const item of items) if (item.Type === 'MESSAGE') break;
  const state: ControllerState = session.controller.getState();
  session.close();
  return state;
}

// Upstream 5.2.0's custom client: the app's backend keeps the tokens; the page forwards every call to it.
class BackendClient extends ChatClient {
  private async post<D>(operation: string, body: object): Promise<ChatClientResponse<D>> {
    const response = await fetch(`/chat/${operation}`, { method: 'POST', body: JSON.stringify(body) });
    return (await response.json()) as ChatClientResponse<D>;
  }
  override createParticipantConnection(participantToken: string | null, type: ('WEBSOCKET' | 'CONNECTION_CREDENTIALS')[] | null, acknowledge: boolean | null) {
    return this.post<{ Websocket?: { Url?: string } }>('connect', { participantToken, type, acknowledge });
  }
  override sendMessage(connectionToken: string | null, content: string, contentType: string, clientToken?: string) {
    return this.post<{ Id: string; AbsoluteTime: string }>('message', { connectionToken, content, contentType, clientToken });
  }
  override getTranscript(connectionToken: string | null, args: ChatClientTranscriptArgs) {
    return this.post<ChatClientTranscriptPage>('transcript', { connectionToken, ...args });
  }
}

export function throughMyBackend(ids: { contactId: string; participantId: string }): CustomerChatSession {
  const client: ChatClientLike = new BackendClient();
  const session = ChatSession.create({ type: 'CUSTOMER', chatDetails: ids, options: { customChatClient: client } });
  ChatSession.setGlobalConfig({ customChatClient: new ChatSession.ChatClient() });
  ChatSession.setGlobalConfig({ customChatClient: null });
  return session;
}
