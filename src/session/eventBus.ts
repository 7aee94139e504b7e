// The session's event bus. Handlers run asynchronously, in emit order, after the code that emitted
// returns (as upstream, which dispatches on a later tick), so an app handler can never re-enter the
// controller mid-update. A throwing handler is logged and does not stop the others.
import EventEmitter from 'eventemitter3';
import { ValueError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { Unsubscribe } from '../types.js';

type Handler<P> = (payload: P) => void;

interface QueuedEmit {
  run: () => void;
}

export class EventBus<Events extends Record<string, unknown>> {
  private readonly emitter = new EventEmitter();
  private readonly queue: QueuedEmit[] = [];
  private draining = false;

  constructor(private readonly logger: Logger) {}

  /** Subscribes `handler`; returns the function that removes it. */
  on<K extends keyof Events & string>(event: K, handler: Handler<Events[K]>): Unsubscribe {
    if (typeof handler !== 'function') {
      throw new ValueError(`handler for ${event} must be a function`);
    }
    const safe = (payload: Events[K]): void => {
      try {
        handler(payload);
      } catch (error) {
        this.logger.error(`A ${event} handler threw`, error);
      }
    };
    this.emitter.on(event, safe);
    return () => {
      this.emitter.off(event, safe);
    };
  }

  hasListeners(event: keyof Events & string): boolean {
    return this.emitter.listenerCount(event) > 0;
  }

  /** Queues the event; `after` runs once this event's handlers have all run. */
  emit<K extends keyof Events & string>(event: K, payload: Events[K], after?: () => void): void {
    this.queue.push({
      run: () => {
        this.emitter.emit(event, payload);
        after?.();
      },
    });
    this.scheduleDrain();
  }

  removeAllListeners(): void {
    this.emitter.removeAllListeners();
  }

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    // A resolved promise rather than setTimeout: delivery must not depend on timers (fake or throttled).
    void Promise.resolve().then(() => this.drain());
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const next = this.queue.shift() as QueuedEmit;
      try {
        next.run();
      } catch (error) {
        this.logger.error('Event dispatch failed', error);
      }
    }
    this.draining = false;
  }
}
