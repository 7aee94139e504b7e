// Emulator capacity: the emulator alone in a child process (so the clients' work is not counted against
// it); raw `ws` clients in this process open N customer connections (StartChatContact,
// CreateParticipantConnection, websocket, aws/subscribe), then several contacts are flooded at once.
// Bounded counts, loopback only.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const WebSocket = require('ws');
const { controlClient } = require('../lib/control');

const CLI = path.resolve(__dirname, '..', '..', 'emulator', 'bin', 'chatjs-emulator.js');
const CONNECT_CONCURRENCY = 50;

function spawnEmulator() {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--bot', 'none'], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
  });
}

const rssKb = (pid) => Number((/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8')) || [0, NaN])[1]);

/** One customer: a chat, its connection, a subscribed websocket that counts agent messages. */
async function connectCustomer(control) {
  const started = await control.startChat();
  const connection = await control.createConnection(started.ParticipantToken);
  const ws = new WebSocket(connection.Websocket.Url);
  const client = { contactId: started.ContactId, ws, received: 0, onCount: null };
  await new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.topic === 'aws/subscribe') return void (frame.content.status === 'success' ? resolve() : reject(new Error('subscribe failed')));
      if (frame.topic === 'aws/chat' && JSON.parse(frame.content).Type === 'MESSAGE') {
        client.received += 1;
        if (client.onCount) client.onCount(client.received);
      }
    });
    ws.once('open', () => ws.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } })));
  });
  return client;
}

async function connectMany(control, count) {
  const clients = [];
  const started = Date.now();
  for (let offset = 0; offset < count; offset += CONNECT_CONCURRENCY) {
    const batch = Math.min(CONNECT_CONCURRENCY, count - offset);
    const settled = await Promise.allSettled(Array.from({ length: batch }, () => connectCustomer(control)));
    for (const result of settled) if (result.status === 'fulfilled') clients.push(result.value);
  }
  return { clients, ms: Date.now() - started };
}

const receivedAll = (client, count) =>
  new Promise((resolve) => {
    if (client.received >= count) return resolve();
    client.onCount = (received) => received >= count && resolve();
  });

/** Floods `contacts` chats at once with `perContact` messages each; resolves with messages per second delivered. */
async function floodRate(control, clients, perContact) {
  const started = Date.now();
  await Promise.all(clients.map((client) => Promise.all([control.flood(client.contactId, perContact), receivedAll(client, perContact)])));
  const seconds = (Date.now() - started) / 1000;
  return { messages: clients.length * perContact, seconds, perSecond: (clients.length * perContact) / seconds };
}

async function run(env) {
  const { sessions, floodContacts, perContact } = env.sizes.capacity;
  const { child, url } = await spawnEmulator();
  const control = controlClient(url);
  let clients = [];
  try {
    const idleRss = rssKb(child.pid);
    const connected = await connectMany(control, sessions);
    clients = connected.clients;
    const connectedRss = rssKb(child.pid);
    env.log(`${clients.length}/${sessions} connected in ${connected.ms} ms`);
    const flood = await floodRate(control, clients.slice(0, floodContacts), perContact);
    return {
      facts: [
        ['Concurrent connected sessions (asked for)', `${clients.length} (${sessions})`],
        ['Time to connect them, 50 at a time', `${connected.ms} ms (${Math.round((clients.length / connected.ms) * 1000)} sessions/s)`],
        ['Emulator RSS idle → with the sessions', `${Math.round(idleRss / 1024)} MB → ${Math.round(connectedRss / 1024)} MB (${Math.round(((connectedRss - idleRss) / Math.max(clients.length, 1)) * 10) / 10} KB per session)`],
        [`Flood: ${floodContacts} contacts × ${perContact} messages at once`, `${flood.messages} messages in ${flood.seconds.toFixed(2)} s = ${Math.round(flood.perSecond)} msg/s delivered`],
      ],
      values: { connected: clients.length, asked: sessions, connectMs: connected.ms, idleRssKb: idleRss, connectedRssKb: connectedRss, flood },
      notes: ['The emulator runs alone in a child process (`emulator/bin/chatjs-emulator.js --port 0`); the clients are raw `ws` sockets in the runner process, on loopback.'],
    };
  } finally {
    for (const client of clients) client.ws.terminate();
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
}

module.exports = { id: 'capacity', title: 'Emulator capacity', run, spawnEmulator, rssKb };
