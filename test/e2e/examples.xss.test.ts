// Message content is data, never markup: the example chat view shows HTML and hostile markdown links as
// text, creates no element from them, and runs nothing.
import type { Page } from 'playwright-core';
import { startCustomerChat, startExampleWorld, type ExampleWorld } from './helpers/examplePages';

jest.setTimeout(60_000);

const HOSTILE = [
  { content: '<img src=x onerror=alert(1)>', contentType: 'text/plain' },
  { content: '<img src=x onerror="window.__xss=1"> **bold**', contentType: 'text/markdown' },
  { content: '[x](javascript:alert(1)) and [y](data:text/html,<script>alert(1)</script>)', contentType: 'text/markdown' },
  { content: '[safe](https://example.com/docs) `<b>code</b>`', contentType: 'text/markdown' },
];

let world: ExampleWorld;
let customer: Page;

beforeAll(async () => {
  world = await startExampleWorld();
  customer = await world.open('/examples/customer-chat.html', 'customer');
  const contactId = await startCustomerChat(customer);
  for (const message of HOSTILE) {
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { role: 'AGENT', displayName: 'Mallory', ...message });
  }
  await customer.getByTestId('message-body').nth(HOSTILE.length - 1).waitFor();
});

afterAll(() => world?.close());

it('shows HTML in messages as text and creates no element from it', async () => {
  const bodies = await customer.getByTestId('message-body').allTextContents();
  expect(bodies).toEqual([
    '<img src=x onerror=alert(1)>',
    '<img src=x onerror="window.__xss=1"> bold',
    '[x](javascript:alert(1)) and [y](data:text/html,<script>alert(1)</script>)',
    'safe <b>code</b>',
  ]);
  const list = customer.getByTestId('message-list');
  expect(await list.locator('img, script, b, iframe').count()).toBe(0);
  expect(await customer.locator('img').count()).toBe(0);
});

it('turns only http(s) markdown links into anchors', async () => {
  const links = await customer.getByTestId('message-list').locator('a').evaluateAll((anchors) =>
    anchors.map((anchor) => ({ href: anchor.getAttribute('href'), text: anchor.textContent, rel: anchor.getAttribute('rel') })),
  );
  expect(links).toEqual([{ href: 'https://example.com/docs', text: 'safe', rel: 'noopener noreferrer' }]);
  expect(await customer.getByTestId('message-list').locator('strong').allTextContents()).toEqual(['bold']);
});

it('runs nothing: no dialog, no page error, no flag set', async () => {
  // An injected onerror handler would have fired by now: the messages were rendered before the tests ran.
  await customer.waitForTimeout(300);
  expect(await customer.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(world.problems).toEqual([]);
});
