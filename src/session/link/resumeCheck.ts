// connect({ resumeAfterItemId }) checks the stored position before it says "connected": a position the
// service does not know would otherwise connect, hold live items while the recovery retried, and then drop
// what was missed. One GetTranscript page of one item tells.
import { ChatEndedException, isChatServiceError, UnknownResumeItemException } from '../../errors.js';
import type { TranscriptRequest } from '../outgoing/clientAccess.js';

export type TranscriptPage = (request: TranscriptRequest) => Promise<unknown>;

/** The error connect() rejects with when the service refuses `itemId` as a start; null when it is known (or the answer says nothing). */
export async function checkResumePoint(fetchPage: TranscriptPage, itemId: string): Promise<Error | null> {
  const request: TranscriptRequest = { maxResults: 1, scanDirection: 'FORWARD', sortOrder: 'ASCENDING', startPosition: { Id: itemId } };
  try {
    await fetchPage(request);
    return null;
  } catch (error) {
    if (!isChatServiceError(error)) return null;
    if (error.statusCode === 400 || error.statusCode === 404) {
      return new UnknownResumeItemException(
        `connect(): resumeAfterItemId "${itemId}" is not an item of this chat (${error.type}: ${error.message}); ` +
          'connect without it to receive only new items, or with an Id the service returned',
        itemId,
      );
    }
    if (error.statusCode === 403) return chatEndedWhileAway(403);
    // Throttling, 5xx, network: the recovery that follows retries those.
    return null;
  }
}

export function chatEndedWhileAway(statusCode: number | undefined): ChatEndedException {
  return new ChatEndedException('connect(): the chat ended while this session was away (the service refused a new connection); start a new chat', statusCode);
}
