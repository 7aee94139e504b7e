// Lex streaming (chatjs-behavior §3.7): a bot answer arrives as chunks sharing one Id and then as one
// completed message. Each change is emitted under that Id with the text so far, so apps upsert by Id.
import type { ChatTranscriptItem } from '../../types.js';
import { isPartialMessage } from '../incoming/itemRouter.js';
import type { FeatureContext, PartialMessagesFeature } from './types.js';

const isCompleted = (item: ChatTranscriptItem): boolean => item.MessageMetadata?.MessageCompleted === true;
const chunkNumber = (item: ChatTranscriptItem): number | undefined => item.MessageMetadata?.ChunkNumber;

/** The chunks kept for `chunks[0].Id` after `item`, or null when `item` changes nothing. */
export function nextChunks(chunks: ChatTranscriptItem[] | undefined, item: ChatTranscriptItem): ChatTranscriptItem[] | null {
  if (chunks === undefined) return isCompleted(item) || chunkNumber(item) === 1 ? [item] : null;
  const last = chunks[chunks.length - 1] as ChatTranscriptItem;
  if (isCompleted(item)) return isCompleted(last) ? null : [item];
  const lastNumber = chunkNumber(last);
  if (!isCompleted(last) && lastNumber !== undefined && chunkNumber(item) === lastNumber + 1) return [...chunks, item];
  // Out of order (or after completion): wait for the completed message, which carries the whole text.
  return null;
}

/** One item for the chunks so far: the last chunk's fields, every chunk's text, the first chunk's time. */
export function stitchChunks(chunks: ChatTranscriptItem[]): ChatTranscriptItem {
  const first = chunks[0] as ChatTranscriptItem;
  const last = chunks[chunks.length - 1] as ChatTranscriptItem;
  return { ...last, Content: chunks.map((chunk) => chunk.Content ?? '').join(''), AbsoluteTime: first.AbsoluteTime };
}

export function createPartialMessages(_context: FeatureContext): PartialMessagesFeature {
  const chunksById = new Map<string, ChatTranscriptItem[]>();
  return {
    stitch: (item) => {
      if (!isPartialMessage(item)) return item;
      const chunks = nextChunks(chunksById.get(item.Id), item);
      if (chunks === null) return null;
      chunksById.set(item.Id, chunks);
      return stitchChunks(chunks);
    },
    rehydrate: (items) => {
      // A fetched copy of a streamed message is the service's final word on its text.
      for (const item of items) if (chunksById.has(item.Id)) chunksById.set(item.Id, [item]);
    },
  };
}
