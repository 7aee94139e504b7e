// Named timers with one owner, shared by the transport and the session. Whoever starts a timer group clears
// it when it leaves the state (or drops the socket, or the chat ends) that needed the timers, so no callback
// can outlive its reason to run. Every timer of the SDK lives in one of these groups.

/** setTimeout fires at once for delays above 2^31-1 ms; longer delays are capped to it. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

export interface TimerOptions {
  /** Node: the timer alone does not keep the process alive (background work such as metrics). */
  background?: boolean;
}

export class TimerGroup {
  private readonly handles = new Map<string, ReturnType<typeof setTimeout>>();

  /** Starts `name` (cancelling an earlier timer of that name). */
  set(name: string, delayMs: number, fn: () => void, options: TimerOptions = {}): void {
    this.clear(name);
    const handle = setTimeout(
      () => {
        this.handles.delete(name);
        fn();
      },
      Math.min(delayMs, MAX_TIMER_DELAY_MS),
    );
    if (options.background) (handle as { unref?: () => void }).unref?.();
    this.handles.set(name, handle);
  }

  has(name: string): boolean {
    return this.handles.has(name);
  }

  clear(name: string): void {
    const handle = this.handles.get(name);
    if (handle === undefined) return;
    clearTimeout(handle);
    this.handles.delete(name);
  }

  clearAll(): void {
    for (const handle of this.handles.values()) clearTimeout(handle);
    this.handles.clear();
  }
}
