// Message content is data, never markup: the example chat view shows HTML and hostile markdown links as
// text, creates no element from them, and runs nothing.
import { css, testId, type TestPage } from '../support/browser/engine';
import { startCustomerChat, startExampleWorld, type ExampleWorld } from '../support/browser/examplePages';

jest.setTimeout(60_000);

const HOSTILE = [
  { content: '<img src=x onerror=alert(1)>', contentType: 'text/plain' },
  { content: '<img src=x onerror="window.__xss=1"> **bold**', contentType: 'text/markdown' },
  { content: '[x](javascript:alert(1)) and [y](data:text/html,<script>alert(1)</script>)', contentType: 'text/markdown' },
  { content: '[safe](https://example.com/docs) `<b>code</b>`', contentType: 'text/markdown' },
];

let world: ExampleWorld;
let customer: TestPage;

beforeAll(async () => {
  world = await startExampleWorld();
  customer = await world.open('/examples/customer-chat.html', 'customer');
  const contactId = await startCustomerChat(customer);
  for (const message of HOSTILE) {
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { role: 'AGENT', displayName: 'Mallory', ...message });
  }
  await customer.waitForFunction((count) => document.querySelectorAll('[data-testid="message-body"]').length >= count, HOSTILE.length);
});

afterAll(() => world?.close());

it('shows HTML in messages as text and creates no element from it', async () => {
  const bodies = await customer.texts(testId('message-body'));
  expect(bodies).toEqual([
    '<img src=x onerror=alert(1)>',
    '<img src=x onerror="window.__xss=1"> bold',
    '[x](javascript:alert(1)) and [y](data:text/html,<script>alert(1)</script>)',
    'safe <b>code</b>',
  ]);
  expect(await customer.count({ ...testId('message-list'), child: 'img, script, b, iframe' })).toBe(0);
  expect(await customer.count(css('img'))).toBe(0);
});

it('turns only http(s) markdown links into anchors', async () => {
  const links = await customer.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="message-list"] a')).map((anchor) => ({ href: anchor.getAttribute('href'), text: anchor.textContent, rel: anchor.getAttribute('rel') })),
  );
  expect(links).toEqual([{ href: 'https://example.com/docs', text: 'safe', rel: 'noopener noreferrer' }]);
  expect(await customer.texts({ ...testId('message-list'), child: 'strong' })).toEqual(['bold']);
});

it('runs nothing: no dialog, no page error, no flag set', async () => {
  // An injected onerror handler would have fired by now: the messages were rendered before the tests ran.
  await customer.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(await customer.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(world.problems).toEqual([]);
});
