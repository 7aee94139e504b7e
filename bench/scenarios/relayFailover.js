// Relay fail-over: two instances of examples/channel-relay on one redis-server (Debian's package, started
// here on a free port); kill -9 of the instance that owns a conversation, and the time until another
// instance has resumed its chat, and until an agent message sent at the moment of the kill reached the
// channel. The lease time bounds it (--quick uses a 2 s lease to stay fast; the default is 5 s).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { controlClient } = require('../lib/control');
const { summarize } = require('../lib/stats');
const { spawnEmulator } = require('./capacity');

const RELAY = path.resolve(__dirname, '..', '..', 'examples', 'channel-relay', 'relay.js');
const none = summarize([]);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk).includes('Ready to accept connections') && resolve());
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return { child, url: `redis://127.0.0.1:${port}` };
}

function startRelay(name, args) {
  const child = spawn(process.execPath, [RELAY, ...args, '--instance', name], { stdio: ['ignore', 'pipe', 'ignore'] });
  const relay = { name, child, output: '', exited: new Promise((resolve) => child.once('exit', resolve)) };
  child.stdout.on('data', (chunk) => (relay.output += chunk));
  return relay;
}

async function until(read, timeoutMs, label) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(20);
  }
}

async function oneFailover({ redis, control, dataDir, relays, args, conversation }) {
  const inbox = path.join(dataDir, 'inbox', conversation);
  fs.mkdirSync(inbox, { recursive: true });
  fs.writeFileSync(path.join(inbox, '1-hi.txt'), 'hello');
  const contactId = await until(() => redis.hget(`relay:conv:${conversation}`, 'contactId'), 15_000, 'the chat');
  const owner = (await until(() => redis.get(`relay:lease:${conversation}`), 5_000, 'the lease')).split('|')[0];
  const victim = relays.get(owner);
  victim.child.kill('SIGKILL');
  const killedAt = Date.now();
  await victim.exited;
  await control.message(contactId, `sent at the kill (${conversation})`);
  const outbox = path.join(dataDir, 'outbox', conversation, 'messages.jsonl');
  await until(() => fs.existsSync(outbox) && fs.readFileSync(outbox, 'utf8').includes('sent at the kill'), 30_000, 'the message after the kill');
  const deliveredMs = Date.now() - killedAt;
  const line = [...relays.values()].map((relay) => relay.output.split('\n').find((l) => l.includes(`[${conversation}] connected, resuming`))).find(Boolean);
  const resumedMs = line ? Date.parse(line.split(' ')[0]) - killedAt : null;
  relays.set(owner, startRelay(owner, args)); // back to two instances for the next run
  await control.end(contactId);
  return { resumedMs, deliveredMs };
}

async function run(env) {
  const { failoverRuns, leaseMs } = env.sizes.relay;
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
    env.log('redis-server is not installed: fail-over not measured (apt-get install -y redis-server)');
    return { facts: [['Fail-over', 'not measured: redis-server is not installed (apt-get install -y redis-server)']] };
  }
  const Redis = require('ioredis');
  const redisServer = await startRedis();
  const redis = new Redis(redisServer.url);
  const { child: emulator, url } = await spawnEmulator();
  const control = controlClient(url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-relay-'));
  const args = ['--endpoint', url, '--data', dataDir, '--store', redisServer.url, '--lease-ms', String(leaseMs)];
  const relays = new Map(['a', 'b'].map((name) => [name, startRelay(name, args)]));
  const samples = [];
  try {
    await until(() => [...relays.values()].every((relay) => relay.output.includes('relay ready')), 15_000, 'two relays');
    for (let n = 0; n < failoverRuns; n += 1) samples.push(await oneFailover({ redis, control, dataDir, relays, args, conversation: `bench-${n}` }));
    const row = (name, key, goal) => ({ name, unit: 'ms', ours: summarize(samples.map((s) => s[key])), upstream: none, ratio: null, ...(goal ? { goal } : {}) });
    return {
      rows: [
        row(`kill -9 of the owner → its chat resumed on the other instance (lease ${leaseMs / 1000} s)`, 'resumedMs', { text: '≤ 10 s', oursAtMost: 10_000 }),
        row('kill -9 → an agent message sent at that moment reached the channel', 'deliveredMs'),
      ],
      values: { leaseMs, samples },
      notes: ['Two instances of examples/channel-relay (`--store redis://…`), a redis-server started for the run, the emulator in its own process; the time is bounded by the lease (renewed every second, taken over by the next 250 ms round after it lapses).'],
    };
  } finally {
    for (const relay of relays.values()) relay.child.kill('SIGKILL');
    redis.disconnect();
    redisServer.child.kill('SIGTERM');
    emulator.removeAllListeners('exit');
    emulator.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

module.exports = { id: 'relay-failover', title: 'Relay: fail-over between instances', run };
