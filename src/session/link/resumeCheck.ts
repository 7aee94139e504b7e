// A resuming connect() (a stored position, or a reload's snapshot) checks that the chat still knows it before
// it says "connected": a position the service does not know would otherwise connect, hold live items while
// the recovery retried, and then drop what was missed. One GetTranscript page of one item tells.
import { ChatEndedException, isChatServiceError, UnknownResumeItemException } from '../../errors.js';
import type { TranscriptRequest } from '../outgoing/clientAccess.js';

export type TranscriptPage = (request: TranscriptRequest) => Promise<unknown>;

/** Resolves when the service knows `itemId` (or its answer says nothing); else rejects with the error connect() rejects with. */
export async function checkResumePoint(fetchPage: TranscriptPage, itemId: string): Promise<void> {
  const request: TranscriptRequest = { maxResults: 1, scanDirection: 'FORWARD', sortOrder: 'ASCENDING', startPosition: { Id: itemId } };
  try {
    await fetchPage(request);
  } catch (error) {
    if (!isChatServiceError(error)) return;
    if (error.statusCode === 400 || error.statusCode === 404) {
      throw new UnknownResumeItemException(
        `connect(): resumeAfterItemId "${itemId}" is not an item of this chat (${error.type}: ${error.message}); ` +
          'connect without it to receive only new items, or with an Id the service returned',
        itemId,
      );
    }
    // Throttling, 5xx, network: the recovery that follows retries those.
    throwIfChatEnded(error);
  }
}

/** A refusal (403) while resuming means the chat ended while this session was away: throws that. */
export function throwIfChatEnded(error: unknown): void {
  if (isChatServiceError(error) && error.statusCode === 403) {
    throw new ChatEndedException('connect(): the chat ended while this session was away (the service refused a new connection); start a new chat', 403);
  }
}
