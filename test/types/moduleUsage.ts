// Compiles against dist/index.d.ts: an app that imports the named exports.
import {
  ChatSession,
  ChatServiceError,
  CONTENT_TYPE,
  IllegalArgumentException,
  IllegalStateException,
  type ChatTranscriptItem,
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
