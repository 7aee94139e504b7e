// Child process of bench/scenarios/relayCapacity.js: a relay process as docs/node.md builds one, without the
// channel: N customer sessions of the built SDK (ws injected), each consumed with `session.items()`. Run with
// --expose-gc; talks to the parent over IPC.
'use strict';
const path = require('path');
const WebSocket = require('ws');
const { ChatSession } = require(path.resolve(__dirname, '..', '..'));

const CONNECT_CONCURRENCY = 50;
const sessions = [];
let received = 0;
let waiting = null;

function memory() {
  global.gc?.();
  global.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssKb: rss / 1024, heapKb: heapUsed / 1024 };
}

async function consume(session) {
  for await (const item of session.items()) {
    if (item.Type !== 'MESSAGE' || item.ParticipantRole !== 'AGENT') continue;
    received += 1;
    if (waiting && received >= waiting.count) waiting.resolve();
  }
}

async function open({ url, chats }) {
  ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: url, webSocketManagerConfig: { WebSocket } });
  const before = memory();
  const started = Date.now();
  let failed = 0;
  for (let offset = 0; offset < chats.length; offset += CONNECT_CONCURRENCY) {
    const batch = chats.slice(offset, offset + CONNECT_CONCURRENCY).map(async (chat) => {
      const session = ChatSession.create({
        type: 'CUSTOMER',
        chatDetails: { contactId: chat.ContactId, participantId: chat.ParticipantId, participantToken: chat.ParticipantToken },
        disableCSM: true,
      });
      void consume(session);
      await session.connect();
      sessions.push(session);
    });
    failed += (await Promise.allSettled(batch)).filter((result) => result.status === 'rejected').length;
  }
  process.send({ type: 'connected', before, after: memory(), connected: sessions.length, failed, ms: Date.now() - started });
}

function awaitMessages({ count }) {
  const started = Date.now();
  new Promise((resolve) => {
    if (received >= count) return resolve();
    waiting = { count, resolve };
  }).then(() => process.send({ type: 'received', ms: Date.now() - started, after: memory() }));
}

process.on('message', (message) => {
  if (message.type === 'open') void open(message);
  else if (message.type === 'await') awaitMessages(message);
  else if (message.type === 'close') {
    for (const session of sessions) session.close();
    process.disconnect(); // nothing else should keep the process alive now
  }
});
