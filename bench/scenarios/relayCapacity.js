// Chats per relay process: one Node process holds N customer sessions of this SDK (as docs/node.md's relay
// does, each consumed with session.items()), against the emulator in its own child process. Reports the
// relay process's RSS per chat after every chat got one agent message. This SDK only: 5.0.0 does not run in
// Node without a DOM, so there is no ratio.
'use strict';
const { fork } = require('child_process');
const path = require('path');
const { controlClient } = require('../lib/control');
const { summarize } = require('../lib/stats');
const { spawnEmulator } = require('./capacity');

const CHILD = path.resolve(__dirname, '..', 'lib', 'relayChats.js');
const START_CONCURRENCY = 50;

const none = summarize([]);
const row = (name, unit, value, goal) => ({ name, unit, ours: summarize([value]), upstream: none, ratio: null, ...(goal ? { goal } : {}) });

function nextMessage(child, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`relay process exited with ${code} before "${type}"`)));
  });
}

async function startChats(control, count) {
  const chats = [];
  for (let offset = 0; offset < count; offset += START_CONCURRENCY) {
    chats.push(...(await Promise.all(Array.from({ length: Math.min(START_CONCURRENCY, count - offset) }, () => control.startChat()))));
  }
  return chats;
}

async function run(env) {
  const { chats: count } = env.sizes.relay;
  const { child: emulator, url } = await spawnEmulator();
  const control = controlClient(url);
  const relay = fork(CHILD, [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    const chats = await startChats(control, count);
    relay.send({ type: 'open', url, chats });
    const connected = await nextMessage(relay, 'connected');
    env.log(`${connected.connected}/${count} sessions connected in ${connected.ms} ms`);
    const delivered = nextMessage(relay, 'received');
    relay.send({ type: 'await', count: connected.connected });
    for (let offset = 0; offset < chats.length; offset += START_CONCURRENCY) {
      await Promise.all(chats.slice(offset, offset + START_CONCURRENCY).map((chat) => control.message(chat.ContactId, 'one agent message')));
    }
    const received = await delivered;
    const perChatKb = (received.after.rssKb - connected.before.rssKb) / Math.max(connected.connected, 1);
    const heapPerChatKb = (received.after.heapKb - connected.before.heapKb) / Math.max(connected.connected, 1);
    const exited = new Promise((resolve) => relay.once('exit', () => resolve(true)));
    relay.send({ type: 'close' });
    const exitedAfterClose = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
    return {
      rows: [
        row(`Chats connected in one relay process (asked for ${count})`, 'count', connected.connected),
        row('Relay process RSS per chat (after one agent message each, after GC)', 'KB', perChatKb, { text: '≤ 100 KB per chat', oursAtMost: 100 }),
        row('of which JS heap per chat', 'KB', heapPerChatKb),
        row(`Time to connect ${count} chats, 50 at a time`, 'ms', connected.ms),
        row(`One agent message to each of ${count} chats, all handled`, 'ms', received.ms),
      ],
      facts: [
        ['Relay process RSS before → after', `${Math.round(connected.before.rssKb / 1024)} MB → ${Math.round(received.after.rssKb / 1024)} MB`],
        ['Connections that failed', String(connected.failed)],
        ['Process exited by itself after close() of every session', exitedAfterClose ? 'yes' : 'no (killed after 10 s)'],
      ],
      values: { connected: connected.connected, perChatKb, heapPerChatKb, connectMs: connected.ms, deliverMs: received.ms, exitedAfterClose },
      notes: [
        'The relay process is `bench/lib/relayChats.js` (node --expose-gc, the built CommonJS SDK, `ws` injected); the emulator runs alone in a child process; loopback only.',
        'RSS per chat is (RSS after − RSS before the first session) / chats, so with few chats (--quick) one-time costs (compiled code, the first connection) dominate it; the goal is for 2,000 chats.',
      ],
    };
  } finally {
    if (relay.exitCode === null) relay.kill('SIGKILL');
    emulator.removeAllListeners('exit');
    emulator.kill('SIGTERM');
  }
}

module.exports = { id: 'relay-capacity', title: 'Relay: chats per Node process', run };
