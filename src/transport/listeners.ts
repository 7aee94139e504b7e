// Callback lists of the manager's on* methods: validated registration, an unsubscribe function, and a
// throwing callback that is logged without stopping the others (util/fanOut.ts).
import { ValueError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { Unsubscribe } from '../types.js';
import { FanOut } from '../util/fanOut.js';

export class Listeners<A extends unknown[]> {
  private readonly callbacks: FanOut<(...args: A) => void>;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
  ) {
    this.callbacks = new FanOut((error) => logCallbackError(this.name, this.logger, error));
  }

  /** Registers `cb`; throws `ValueError` when it is not a function. */
  add(cb: unknown): Unsubscribe {
    if (typeof cb !== 'function') throw new ValueError('cb must be a function');
    return this.callbacks.add(cb as (...args: A) => void);
  }

  emit(...args: A): void {
    this.callbacks.each((cb) => cb(...args));
  }
}

function logCallbackError(name: string, logger: Logger, error: unknown): void {
  logger.error(`WebSocketManager: a ${name} callback threw`, error);
}

/** Runs `cb(...args)` once (a callback registered after its event); a throw is logged, never propagated. */
export function callSafely<A extends unknown[]>(cb: (...args: A) => void, args: A, name: string, logger: Logger): void {
  try {
    cb(...args);
  } catch (error) {
    logCallbackError(name, logger, error);
  }
}
