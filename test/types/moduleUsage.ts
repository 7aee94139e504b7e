// Compiles against dist/index.d.ts: an app that imports the named exports.
import {
  ChatEndedException,
  ChatSession,
  ChatServiceError,
  CONTENT_TYPE,
  IllegalArgumentException,
  IllegalStateException,
  UnknownResumeItemException,
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
