// An exception from an app's event handler must not vanish: it is reported as an uncaught error of the
// page, so it shows in the console and reaches window.onerror (and, in Node, 'uncaughtException'), while
// the bus goes on with the other handlers and the session keeps working.

export type UncaughtReporter = (error: unknown) => void;

/** `reportError` where the platform has it; else a rethrow in a task of its own, outside our call stack. */
export const reportUncaught: UncaughtReporter = (error) => {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') {
    report.call(globalThis, error);
    return;
  }
  setTimeout(() => {
    throw error;
  }, 0);
};
