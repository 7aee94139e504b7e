// The session's event bus. Handlers run asynchronously, in emit order, after the code that emitted
// returns (as upstream, which dispatches on a later tick), so an app handler can never re-enter the
// controller mid-update. A throwing handler does not stop the others: its error is logged and reported
// as an uncaught error of the page (see reportUncaught.ts).
// Handlers get `(payload, eventName, bus)` as upstream's did; `bus` is the small `ChatEventBus` handle.
import { ValueError } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type { ChatEventBus, ChatEventSubscription, Unsubscribe } from '../../types.js';
import { FanOut } from '../../util/fanOut.js';
import { reportUncaught, type UncaughtReporter } from '../../util/reportUncaught.js';

type Handler<P> = (payload: P, eventName: string, bus: ChatEventBus) => void;

/** The channel of subscribeAll handlers (no event has this name). */
const ALL_EVENTS = Symbol('all events');

/** `Events` is a closed map (event name → payload); names outside it only come in through `onName`. */
export class EventBus<Events extends { [K in keyof Events]: unknown }> {
  /** Handlers by event name (and ALL_EVENTS), each list a FanOut: one throwing handler does not stop the others. */
  private readonly channels = new Map<string | symbol, FanOut<Handler<unknown>>>();
  /** Each queued emit, as the function that runs its handlers. */
  private readonly queue: Array<() => void> = [];
  private draining = false;
  /** Passed to every handler as its third argument. */
  readonly handle: ChatEventBus;

  constructor(
    private readonly logger: Logger,
    private readonly reportError: UncaughtReporter = reportUncaught,
  ) {
    const subscription = (off: Unsubscribe): ChatEventSubscription => ({ unsubscribe: off });
    this.handle = {
      subscribe: (eventName, handler) => subscription(this.onName(eventName, handler)),
      subscribeAll: (handler) => subscription(this.onAll(handler)),
      unsubscribeAll: () => this.removeAllListeners(),
    };
  }

  /** Subscribes `handler`; returns the function that removes it. */
  on<K extends keyof Events & string>(event: K, handler: Handler<Events[K]>): Unsubscribe {
    return this.listen(event, event, handler as Handler<unknown>);
  }

  /**
   * Subscribes by a name only known at run time (5.0.0's string-keyed `subscribe`): an unknown name is
   * accepted, as upstream, and simply never fires.
   */
  onName(event: string, handler: Handler<unknown>): Unsubscribe {
    return this.listen(event, event, handler);
  }

  /** Subscribes `handler` to every event (it runs before the event's own handlers, as upstream). */
  onAll(handler: Handler<unknown>): Unsubscribe {
    return this.listen(ALL_EVENTS, 'all events', handler);
  }

  private listen(channel: string | symbol, label: string, handler: Handler<unknown>): Unsubscribe {
    if (typeof handler !== 'function') {
      throw new ValueError(`handler for ${label} must be a function`);
    }
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new FanOut<Handler<unknown>>((error) => this.reportError(error));
      this.channels.set(channel, handlers);
    }
    return handlers.add(handler);
  }

  /** Runs the handlers of `channel` with `payload`; a throw is logged and reported, the others still run. */
  private dispatch(channel: string | symbol, payload: unknown, eventName: string): void {
    this.channels.get(channel)?.each(
      (handler) => handler(payload, eventName, this.handle),
      (error) => {
        this.logger.error(`A ${eventName} handler threw`, error);
        this.reportError(error);
      },
    );
  }

  hasListeners(event: keyof Events & string): boolean {
    return (this.channels.get(event)?.size ?? 0) > 0;
  }

  /** Queues the event; `after` runs once this event's handlers have all run. */
  emit<K extends keyof Events & string>(event: K, payload: Events[K], after?: () => void): void {
    this.queue.push(() => {
      this.dispatch(ALL_EVENTS, payload, event);
      this.dispatch(event, payload, event);
      after?.();
    });
    this.scheduleDrain();
  }

  removeAllListeners(): void {
    this.channels.clear();
  }

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    // A resolved promise rather than setTimeout: delivery must not depend on timers (fake or throttled).
    void Promise.resolve().then(() => this.drain());
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const run = this.queue.shift() as () => void;
      try {
        run();
      } catch (error) {
        this.logger.error('Event dispatch failed', error);
      }
    }
    this.draining = false;
  }
}
