// The e2e browser helper itself, in each engine: what the other tests rely on when they expect
// `problems` to stay empty, read a download, or watch requests, must work, or those checks prove nothing.
import { launchEngineBrowser, testId, type TestBrowser, type TestPage } from '../support/browser/engine';
import { startPageServer, type PageServer } from '../support/browser/pageServer';

jest.setTimeout(60_000);

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script src="/page.js"></script></head>
<body><p data-testid="note" hidden>Later  Text</p><input data-testid="field"></body></html>`;
const PAGE_JS = `
window.__inputs = 0;
document.addEventListener('input', function () { window.__inputs++; });
window.__save = function (name, text) {
  var link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  link.download = name;
  link.click();
};
`;

let pages: PageServer;
let browser: TestBrowser;
let page: TestPage;

beforeAll(async () => {
  pages = await startPageServer({ '/': ['text/html', PAGE], '/page.js': ['text/javascript', PAGE_JS], '/ping': ['text/plain', 'pong'] });
  browser = await launchEngineBrowser();
  page = await browser.newPage();
  await page.goto(`${pages.origin}/`);
});

/** Driver events arrive in Node after the page acted: poll the Node-side record briefly. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (const end = Date.now() + 10_000; !check(); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

it('records uncaught errors, unhandled rejections and dialogs as problems, and nothing else', async () => {
  await page.evaluate(() => {
    // A refused websocket is the browser's notice, not a page error.
    new WebSocket('ws://127.0.0.1:9/refused').onerror = () => undefined;
    setTimeout(() => {
      throw new Error('thrown by the page');
    });
    void Promise.reject(new Error('rejected by the page'));
    setTimeout(() => alert('a dialog'));
  });
  await eventually(() => page.problems.length >= 3, 'three problems');
  expect(page.problems).toHaveLength(3);
  expect(page.problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^error: .*thrown by the page/),
      expect.stringMatching(/^error: .*rejected by the page/),
      'dialog: a dialog',
    ]),
  );
});

it('finds elements by test id and text (case and spacing ignored), and waits for them to show', async () => {
  expect(await page.isVisible(testId('note'))).toBe(false);
  await page.evaluate(() => setTimeout(() => ((document.querySelector('[data-testid="note"]') as HTMLElement).hidden = false), 200));
  await page.waitFor(testId('note', 'later text'));
  expect(await page.texts(testId('note'))).toEqual(['Later  Text']);
  await page.fill(testId('field'), 'pasted');
  await page.type(testId('field'), '!?');
  expect(await page.evaluate(() => [(document.querySelector('[data-testid="field"]') as HTMLInputElement).value, (window as unknown as { __inputs: number }).__inputs])).toEqual(['pasted!?', 3]);
});

it('reads what the page saves as a download, and sees its requests', async () => {
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<button data-testid="save" onclick="__save(\'notes.txt\', \'saved text\')">save</button>'));
  expect(await page.download(testId('save'))).toEqual({ file: 'notes.txt', text: 'saved text' });
  const seen: Array<{ method: string; header?: string }> = [];
  page.onRequest((request) => {
    if (request.url.endsWith('/ping')) seen.push({ method: request.method, header: request.headers['x-probe'] });
  });
  expect(await page.evaluate(async () => (await fetch('/ping', { method: 'POST', headers: { 'x-probe': 'yes' } })).text())).toBe('pong');
  await eventually(() => seen.length > 0, 'the request');
  expect(seen).toEqual([{ method: 'POST', header: 'yes' }]);
});
