// Pages for the benchmark: one http server on http://localhost:<port> (another origin than the emulator's
// 127.0.0.1, so CORS is exercised as in production) serving a blank page, the page agent and both SDK
// bundles. A variant names which bundle a page loads; everything else is the same for both.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const VARIANTS = {
  ours: { label: 'this SDK', bundle: path.join(ROOT, 'dist', 'amazon-connect-chat.js') },
  upstream: { label: 'amazon-connect-chatjs 5.0.0', bundle: path.join(ROOT, 'node_modules', 'upstream-chatjs', 'dist', 'amazon-connect-chat.js') },
};
const VARIANT_NAMES = Object.keys(VARIANTS);

const BLANK = '<!doctype html><html><head><meta charset="utf-8"><script src="/bench-agent.js"></script></head><body>bench</body></html>';
const pageWith = (variant) => BLANK.replace('</head>', `<script src="/${variant}.js"></script></head>`);

function routes() {
  const table = { '/': ['text/html', BLANK], '/bench-agent.js': ['text/javascript', fs.readFileSync(path.join(__dirname, 'pageAgent.js'))] };
  for (const name of VARIANT_NAMES) {
    table[`/${name}.js`] = ['text/javascript', fs.readFileSync(VARIANTS[name].bundle)];
    table[`/${name}.html`] = ['text/html', pageWith(name)];
  }
  return table;
}

async function startPageServer() {
  const table = routes();
  const server = http.createServer((req, res) => {
    const route = table[(req.url || '/').split('?')[0]];
    if (!route) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': route[0], 'Cache-Control': 'no-store' });
    res.end(route[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://localhost:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * A fresh browser context and page. With `variant` the page has loaded that SDK's bundle and pointed it at
 * the emulator (`options.receiptThrottleMs` sets the receipt throttle); without it the page is blank (for measuring the bundle's evaluation). `cdp` is a DevTools
 * session on the page, for main-thread metrics and heap measurements.
 */
async function openPage(env, variant, options = {}) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.pages.origin}/${variant ? `${variant}.html` : ''}`);
  if (variant) await page.evaluate(([endpoint, throttle]) => window.bench.configure(endpoint, throttle), [env.control.url, options.receiptThrottleMs || 0]);
  const cdp = await context.newCDPSession(page);
  return { page, cdp, errors, close: () => context.close() };
}

module.exports = { VARIANTS, VARIANT_NAMES, startPageServer, openPage };
