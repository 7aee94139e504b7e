#!/usr/bin/env node
// Takes the README screenshots from the running demo: starts the emulator (echo bot) on a free port, opens
// the customer widget and the agent console in headless Chromium, chats a little, and saves
// docs/images/customer-chat.png and docs/images/agent-chat.png; then the Streams custom CCP on the
// emulated CCP with two chats, docs/images/agent-streams.png. Run `npm run build` first.
const path = require('path');
const { chromium } = require('playwright-core');
const { startEmulator } = require('amazon-connect-chatjs-emulator');

const OUT = path.join(__dirname, '..', 'docs', 'images');
// The same launch as test/support/browser/browser.ts: @sparticuz/chromium's binary, without the flags that
// break several contexts or switch CORS off.
const DROPPED_ARGS = new Set(['--single-process', '--disable-web-security']);

async function launchBrowser() {
  const loaded = require('@sparticuz/chromium');
  const sparticuz = loaded.default ?? loaded;
  const args = sparticuz.args.filter((arg) => !DROPPED_ARGS.has(arg));
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args, headless: true });
}

async function send(page, text) {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('send-button').click();
}

async function customerSide(browser, url) {
  const page = await (await browser.newContext({ viewport: { width: 460, height: 700 }, deviceScaleFactor: 1 })).newPage();
  await page.goto(`${url}/examples/customer-chat.html`);
  await page.getByTestId('display-name').fill('Ana');
  await page.getByTestId('start-chat').click();
  await page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor();
  await send(page, 'Hi! Where is my **order 1234**?');
  await page.getByTestId('message-body').filter({ hasText: 'Echo: Hi! Where is my order 1234?' }).waitFor();
  const contactId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('amazon-connect-chat-example:customer')).contactId);
  return { page, contactId };
}

async function agentSide(browser, url, contactId) {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 640 }, deviceScaleFactor: 1 })).newPage();
  await page.goto(`${url}/examples/agent-chat.html`);
  await page.locator(`[data-testid="contact-row"][data-contact-id="${contactId}"]`).getByTestId('join-contact').click();
  await page.getByTestId('status').filter({ hasText: 'Chatting' }).waitFor();
  await send(page, 'Hello Ana, I am Sam. It left the warehouse today: see [tracking](https://example.com/track/1234).');
  return page;
}

/** Starts a chat from a fresh customer widget; resolves its page and contact id. */
async function startCustomer(browser, url, name) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/examples/customer-chat.html`);
  await page.getByTestId('display-name').fill(name);
  await page.getByTestId('start-chat').click();
  await page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor();
  const contactId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('amazon-connect-chat-example:customer')).contactId);
  return { page, contactId };
}

/** The Streams example with real Streams and the emulated CCP: Available, two chats accepted, one shown. */
async function streamsSide(browser, url) {
  const agent = await (await browser.newContext({ viewport: { width: 1200, height: 680 }, deviceScaleFactor: 1 })).newPage();
  await agent.goto(`${url}/examples/agent-streams.html?agent=sam&name=Sam`);
  await agent.getByTestId('status').filter({ hasText: 'Signed in as' }).waitFor();
  await agent.getByTestId('go-available').click();
  await agent.getByTestId('agent-state').filter({ hasText: 'Available' }).waitFor();
  const tab = (contactId) => agent.locator(`[data-testid="chat-tab"][data-contact-id="${contactId}"]`);
  const accept = async (contactId) => {
    await tab(contactId).getByTestId('accept-chat').click();
    await agent.locator(`[data-testid="chat-window"][data-contact-id="${contactId}"] [data-testid="composer-input"]`).waitFor();
  };
  const bea = await startCustomer(browser, url, 'Bea');
  await accept(bea.contactId);
  const ana = await startCustomer(browser, url, 'Ana');
  await accept(ana.contactId);
  await send(ana.page, 'Hi! Can I change the delivery address of order 1234?');
  const window = agent.locator(`[data-testid="chat-window"][data-contact-id="${ana.contactId}"]`);
  await window.getByTestId('message-body').filter({ hasText: 'delivery address' }).waitFor();
  await window.getByTestId('composer-input').fill('Sure, Ana. What is the new address?');
  await window.getByTestId('send-button').click();
  await ana.page.getByTestId('message-body').filter({ hasText: 'What is the new address?' }).waitFor();
  await agent.screenshot({ path: path.join(OUT, 'agent-streams.png') });
}

async function customerAndAgent(browser, url) {
  const customer = await customerSide(browser, url);
  const agent = await agentSide(browser, url, customer.contactId);
  await customer.page.getByTestId('message-body').filter({ hasText: 'It left the warehouse today' }).waitFor();
  await customer.page.locator('[data-own="true"] [data-testid="receipt"][data-state="read"]').first().waitFor({ timeout: 15_000 });
  await customer.page.getByTestId('file-input').setInputFiles({ name: 'order-1234.txt', mimeType: 'text/plain', buffer: Buffer.from('Order 1234: 2 items') });
  await agent.getByTestId('attachment-name').filter({ hasText: 'order-1234.txt' }).waitFor();
  await send(customer.page, 'Great, thanks!');
  await agent.getByTestId('message-body').filter({ hasText: 'Great, thanks!' }).waitFor();
  // The SDK sends one typing event per 10 s window; wait for a fresh window so this one goes out.
  await customer.page.waitForTimeout(10_500);
  await customer.page.getByTestId('composer-input').pressSequentially('One more thing');
  await agent.getByTestId('typing-indicator').waitFor();
  await agent.screenshot({ path: path.join(OUT, 'agent-chat.png') });
  await customer.page.getByTestId('composer-input').fill('');
  await customer.page.screenshot({ path: path.join(OUT, 'customer-chat.png') });
}

async function withEmulator(run) {
  const emulator = await startEmulator({ port: 0, bot: 'echo' });
  try {
    await run(emulator.url);
  } finally {
    await emulator.close();
  }
}

async function main() {
  const browser = await launchBrowser();
  try {
    await withEmulator((url) => customerAndAgent(browser, url));
    // A fresh emulator, so only this part's chats are offered to the Streams agent.
    await withEmulator((url) => streamsSide(browser, url));
    console.log(`screenshots: ${['customer-chat.png', 'agent-chat.png', 'agent-streams.png'].map((name) => path.join(OUT, name)).join(', ')}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
