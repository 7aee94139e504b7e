// Streams: the custom-CCP example (examples/agent-streams.html) with real amazon-connect-streams and the
// emulator's /ccp-v2/ as its CCP. Each run a customer starts a chat, the agent page accepts it, and the
// page times accept() to getMediaController() resolving (the session Streams creates, connected). Both
// agents stay logged in; the one not being measured is Offline so the chat is offered to the other.
'use strict';
const fs = require('fs');
const { sampleBoth, rows } = require('../lib/measure');
const { VARIANTS } = require('../lib/page');

async function openAgentPage(env, variant) {
  const context = await env.browser.newContext();
  if (variant === 'upstream') {
    const bundle = fs.readFileSync(VARIANTS.upstream.bundle);
    await context.route('**/dist/amazon-connect-chat.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle }));
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.emulator.url}/examples/agent-streams.html?agent=bench-${variant}`);
  await page.getByTestId('status').filter({ hasText: 'Signed in as' }).waitFor();
  // Contacts as Streams hands them over, by id, for the timing below.
  await page.evaluate(() => {
    window.benchContacts = {};
    window.connect.contact((contact) => (window.benchContacts[contact.getContactId()] = contact));
  });
  return { page, errors, close: () => context.close() };
}

function setState(page, name) {
  return page.evaluate(
    (stateName) =>
      new Promise((resolve, reject) =>
        window.connect.agent((agent) => agent.setState(agent.getAgentStates().find((state) => state.name === stateName), { success: resolve, failure: reject })),
      ),
    name,
  );
}

/** One chat: offered to `page`'s agent, accepted and timed in the page, then ended and cleared. */
async function acceptOnce(env, page) {
  const started = await env.control.startChat();
  await page.waitForFunction((id) => window.benchContacts[id] !== undefined, started.ContactId, { timeout: 15_000 });
  const ms = await page.evaluate(async (id) => {
    const contact = window.benchContacts[id];
    const begin = performance.now();
    await new Promise((resolve, reject) => contact.accept({ success: resolve, failure: reject }));
    await contact.getAgentConnection().getMediaController();
    return performance.now() - begin;
  }, started.ContactId);
  await env.control.end(started.ContactId);
  await page.locator(`[data-testid="chat-tab"][data-contact-id="${started.ContactId}"][data-state="ended"]`).waitFor();
  await page.evaluate((id) => new Promise((resolve, reject) => window.benchContacts[id].clear({ success: resolve, failure: reject })), started.ContactId);
  await page.locator(`[data-testid="chat-tab"][data-contact-id="${started.ContactId}"]`).waitFor({ state: 'detached' });
  return ms;
}

async function run(env) {
  const pages = {};
  let measured;
  const step = async (variant) => {
    if (!pages[variant]) {
      pages[variant] = await openAgentPage(env, variant);
      await setState(pages[variant].page, 'Offline');
    }
    if (measured !== variant) {
      if (measured) await setState(pages[measured].page, 'Offline');
      await setState(pages[variant].page, 'Available');
      measured = variant;
    }
    return { acceptMs: await acceptOnce(env, pages[variant].page) };
  };
  try {
    for (const variant of Object.keys(VARIANTS)) await step(variant); // warm-up chat per SDK, not counted
    const samples = await sampleBoth(env.sizes.connectRuns, step);
    const errors = Object.values(pages).flatMap((opened) => opened.errors);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      rows: rows(samples, [{ key: 'acceptMs', name: 'accept → agent session connected (Streams, emulated CCP)', unit: 'ms', better: 'lower', goal: { text: '≤ 1 s', oursAtMost: 1000 } }]),
      notes: [
        `Streams 2.28.2 custom CCP on the emulator's /ccp-v2/: ${env.sizes.connectRuns} chats per SDK after one warm-up chat, timed in the page from contact.accept() to getMediaController() resolving.`,
      ],
    };
  } finally {
    for (const opened of Object.values(pages)) await opened.close();
  }
}

module.exports = { id: 'streams', title: 'Streams custom CCP', run };
