// Named timers with one owner. Whoever starts a timer group clears it when it leaves the state (or drops the
// socket) that needed the timers, so no callback can outlive its reason to run.

export class TimerGroup {
  private readonly handles = new Map<string, ReturnType<typeof setTimeout>>();

  /** Starts `name` (cancelling an earlier timer of that name). */
  set(name: string, delayMs: number, fn: () => void): void {
    this.clear(name);
    const handle = setTimeout(() => {
      this.handles.delete(name);
      fn();
    }, delayMs);
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
