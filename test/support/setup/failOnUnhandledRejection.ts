// Any promise rejection that nobody handles fails the test that was running when it surfaced.
const realSetTimeout = setTimeout; // captured before any test installs fake timers
const unhandled: unknown[] = [];
const record = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeAll(() => {
  process.on('unhandledRejection', record);
});

afterEach(async () => {
  // Let pending microtasks and the unhandled-rejection hook run before checking.
  await new Promise((resolve) => realSetTimeout(resolve, 0));
  if (unhandled.length > 0) {
    const reasons = unhandled.splice(0).map((r) => (r instanceof Error ? r.stack ?? r.message : String(r)));
    throw new Error(`Unhandled promise rejection(s):\n${reasons.join('\n')}`);
  }
});

afterAll(() => {
  process.off('unhandledRejection', record);
});
