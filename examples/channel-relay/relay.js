#!/usr/bin/env node
// A messaging-channel relay, runnable with no cloud: it stands in for a backend that bridges WhatsApp, SMS or
// another channel into Amazon Connect chat. Inbound messages are files dropped in <data>/inbox/<conversation>/;
// each conversation gets its own customer chat on the emulator, and what the agent sends comes back out in
// <data>/outbox/<conversation>/. Run one instance with the file store, or several against one Redis:
//
//   npm start                                                  # the emulator, port 9100
//   node examples/channel-relay/relay.js --demo                # see README.md
//   node examples/channel-relay/relay.js --store redis://127.0.0.1:6379 --instance a   # and b, c, ...
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const WebSocket = require('ws');
const { ConnectClient, StartChatContactCommand } = require('@aws-sdk/client-connect');
const sdk = require('amazon-connect-chatjs');
const { FolderChannel } = require('./channel');
const { Conversation } = require('./conversation');
const { openStore } = require('./store');

const TICK_MS = 250;

/** Outside anything `npm start` serves: the state holds participant tokens. */
function defaultDataDir() {
  return path.join(process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'), 'connect-channel-relay');
}

function parseArgs(argv) {
  const options = { endpoint: 'http://127.0.0.1:9100', data: defaultDataDir(), demo: false, store: 'files', instance: `${os.hostname()}-${process.pid}`, leaseMs: 5000 };
  const value = (i) => {
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--endpoint') options.endpoint = value(i++);
    else if (arg === '--data') options.data = path.resolve(value(i++));
    else if (arg === '--store') options.store = value(i++);
    else if (arg === '--instance') options.instance = value(i++);
    else if (arg === '--lease-ms') options.leaseMs = Number(value(i++));
    else if (arg === '--demo') options.demo = true;
    else throw new Error(`unknown argument ${arg} (use --endpoint URL, --data DIR, --store files|redis://HOST:PORT, --instance NAME, --lease-ms N, --demo)`);
  }
  return options;
}

/** StartChatContact, as a relay backend calls it with its AWS credentials; the ClientToken makes it start-once. */
function chatStarter(endpoint) {
  const connect = new ConnectClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'relay', secretAccessKey: 'relay' } });
  return async (conversation, clientToken) => {
    const started = await connect.send(
      new StartChatContactCommand({ InstanceId: 'instance-1', ContactFlowId: 'flow-1', ClientToken: clientToken, ParticipantDetails: { DisplayName: conversation } }),
    );
    return { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
  };
}

function queueDemo(dataDir) {
  const inbox = path.join(dataDir, 'inbox', 'demo-customer');
  if (fs.existsSync(inbox)) return;
  fs.mkdirSync(inbox, { recursive: true, mode: 0o700 });
  for (const file of fs.readdirSync(path.join(__dirname, 'sample'))) fs.copyFileSync(path.join(__dirname, 'sample', file), path.join(inbox, file));
}

class Relay {
  constructor(options, log) {
    this.options = options;
    this.log = log;
    this.store = openStore(options.store, options.data, { leaseMs: options.leaseMs });
    this.channel = new FolderChannel(options.data);
    this.startChat = chatStarter(options.endpoint);
    /** Conversations this instance owns: name → Conversation. */
    this.owned = new Map();
    /** Conversations whose opening failed: name → time before which it is not tried again. */
    this.backoff = new Map();
    this.stopping = false;
  }

  /** Takes a conversation when its lease is free (or already ours), and opens its chat. */
  async take(name) {
    if (this.owned.has(name) || (this.backoff.get(name) ?? 0) > Date.now()) return this.owned.get(name) ?? null;
    const lease = await this.store.acquire(name, this.options.instance);
    if (!lease) return null;
    const conversation = new Conversation({ name, lease, store: this.store, channel: this.channel, sdk, startChat: this.startChat, log: this.log });
    this.owned.set(name, conversation);
    try {
      await conversation.open();
      this.backoff.delete(name);
    } catch (error) {
      this.log(`[${name}] could not open: ${error.message}; trying again later`);
      this.drop(name);
      this.backoff.set(name, Date.now() + 2000);
    }
    return conversation.closed ? null : conversation;
  }

  drop(name) {
    const conversation = this.owned.get(name);
    if (!conversation) return;
    this.owned.delete(name);
    conversation.close();
    void this.store.release(conversation.lease).catch(() => undefined);
  }

  /** Keeps our leases; one we could not renew is given up at once (another instance may hold it now). */
  async renewLeases() {
    await Promise.all(
      [...this.owned].map(async ([name, conversation]) => {
        const kept = !conversation.closed && (await this.store.renew(conversation.lease).catch(() => false));
        if (!kept && this.owned.get(name) === conversation) this.drop(name);
      }),
    );
  }

  /** One round: take over open chats nobody holds, forward inbound files. */
  async tick() {
    for (const name of await this.store.openConversations()) await this.take(name);
    for (const name of this.channel.conversationsWithMail()) {
      const conversation = await this.take(name);
      if (conversation) await conversation.forwardInbox();
    }
  }

  run() {
    this.timers = [
      // Renewing has its own timer, so a long round (a voice note, many take-overs) never lets a lease lapse.
      repeat(() => this.renewLeases(), Math.min(1000, this.options.leaseMs / 4), (error) => this.log(`renewing leases failed: ${error.message}`)),
      repeat(() => this.tick(), TICK_MS, (error) => this.log(`round failed: ${error.message}`)),
    ];
  }

  /** Lets go of every chat (they go on; another instance or the next start resumes them). */
  async stop() {
    this.stopping = true;
    for (const timer of this.timers ?? []) clearInterval(timer);
    for (const name of [...this.owned.keys()]) this.drop(name);
    await this.store.close();
  }
}

/** Runs `work` every `ms`, never two at once. */
function repeat(work, ms, onError) {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    work()
      .catch(onError)
      .finally(() => (busy = false));
  }, ms);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (line) => console.log(`${new Date().toISOString()} ${options.instance} ${line}`);
  // Node 20 has no global WebSocket: the SDK is given the ws package's. The SDK's warnings and errors (a
  // refused call, a fetch of missed items that failed) go to the relay's log: without them a chat that stops
  // moving says nothing about why.
  const sdkLine = (line) => log(`sdk: ${line}`);
  sdk.ChatSession.setGlobalConfig({
    region: 'us-east-1',
    endpoint: options.endpoint,
    webSocketManagerConfig: { WebSocket },
    loggerConfig: { level: sdk.LogLevel.WARN, customizedLogger: { warn: sdkLine, error: sdkLine } },
  });
  fs.mkdirSync(options.data, { recursive: true, mode: 0o700 });
  if (options.demo) queueDemo(options.data);
  const relay = new Relay(options, log);
  relay.run();
  log(`relay ready: data ${options.data}, store ${options.store}, emulator ${options.endpoint}`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      relay.stop().then(() => log('stopped; every chat stays open for the next start'));
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
