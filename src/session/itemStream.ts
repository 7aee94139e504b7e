// session.items(): a chat's items as an async iterator, for apps (relays) whose handling of an item is
// asynchronous. The next item is handed out only when the app asks for it, that is after its work on the
// previous one settled, so "forward the item, then store its Id as the resume position" is correct by
// construction. Items that arrive meanwhile wait here, in order. The `on*` events are untouched: the iterator
// is one more listener on the session's bus.
import { CHAT_EVENTS } from '../constants.js';
import type { ChatTranscriptItem, SessionItemsOptions } from '../types.js';
import type { SessionCore } from './core/sessionCore.js';
import type { SessionEventMap } from './events/sessionEvents.js';

/** Bus events that do not carry an item. */
const NOT_ITEMS: ReadonlySet<string> = new Set<keyof SessionEventMap>([
  CHAT_EVENTS.CONNECTION_ESTABLISHED,
  CHAT_EVENTS.CONNECTION_LOST,
  CHAT_EVENTS.CONNECTION_BROKEN,
  CHAT_EVENTS.CHAT_ENDED,
  CHAT_EVENTS.DEEP_HEARTBEAT_SUCCESS,
  CHAT_EVENTS.DEEP_HEARTBEAT_FAILURE,
  CHAT_EVENTS.TRANSCRIPT_UPDATED,
]);

/** Item events that are not part of the transcript: their Ids are no resume position. */
const TRANSIENT: ReadonlySet<string> = new Set<keyof SessionEventMap>([
  CHAT_EVENTS.INCOMING_TYPING,
  CHAT_EVENTS.INCOMING_READ_RECEIPT,
  CHAT_EVENTS.INCOMING_DELIVERED_RECEIPT,
]);

type Waiter = (result: IteratorResult<ChatTranscriptItem>) => void;

/**
 * The iterator of `session.items()`. It ends after the chat.ended item (the chat is over) or when the session
 * is closed (after the items already queued); `return()` (a `break` out of `for await`) stops listening.
 */
export function sessionItems(core: SessionCore, options: SessionItemsOptions = {}): AsyncIterableIterator<ChatTranscriptItem> {
  const queued: ChatTranscriptItem[] = [];
  let waiter: Waiter | null = null;
  let finished = false;

  const push = (item: ChatTranscriptItem): void => {
    if (waiter) {
      const wake = waiter;
      waiter = null;
      wake({ value: item, done: false });
    } else {
      queued.push(item);
    }
  };
  const finish = (): void => {
    if (finished) return;
    finished = true;
    offBus();
    offState();
    if (waiter && queued.length === 0) {
      const wake = waiter;
      waiter = null;
      wake({ value: undefined, done: true });
    }
  };

  const offBus = core.bus.onAll((payload, eventName) => {
    if (eventName === CHAT_EVENTS.CHAT_ENDED) return finish();
    if (NOT_ITEMS.has(eventName) || (!options.includeTransient && TRANSIENT.has(eventName))) return;
    const item = (payload as { data?: ChatTranscriptItem } | null)?.data;
    if (item) push(item);
  });
  // close() drops every bus listener at once; the state change says why the items stop.
  const offState = core.onStateChange((change) => {
    if (change.to === 'closed') finish();
  });
  if (core.getState() === 'closed' || core.getState() === 'ended') finish();

  const iterator: AsyncIterableIterator<ChatTranscriptItem> = {
    next() {
      const item = queued.shift();
      if (item !== undefined) return Promise.resolve({ value: item, done: false });
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<ChatTranscriptItem>>((resolve) => {
        waiter = resolve;
      });
    },
    return() {
      queued.length = 0;
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
