#!/usr/bin/env node
// A messaging-channel relay, runnable with no cloud: it stands in for a backend that bridges WhatsApp, SMS or
// another channel into Amazon Connect chat. Inbound messages are files dropped in data/inbox/<conversation>/
// (text in .txt, images, OGG/Opus voice notes); each conversation gets its own customer chat on the emulator,
// and what the agent sends comes back out in data/outbox/<conversation>/ (messages.jsonl, files/).
//
//   npm start                                      # the emulator, port 9100
//   node examples/channel-relay/relay.js --demo    # relays the sample conversation; see README.md
'use strict';
const fs = require('fs');
const path = require('path');
const WebSocket = require('ws');
const { ConnectClient, StartChatContactCommand } = require('@aws-sdk/client-connect');
const sdk = require('amazon-connect-chatjs');
const { Conversation, listFiles } = require('./conversation');

const POLL_MS = 250;

function parseArgs(argv) {
  const options = { endpoint: 'http://127.0.0.1:9100', data: path.join(__dirname, 'data'), demo: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--endpoint') options.endpoint = argv[++i];
    else if (arg === '--data') options.data = path.resolve(argv[++i]);
    else if (arg === '--demo') options.demo = true;
    else throw new Error(`unknown argument ${arg} (use --endpoint URL, --data DIR, --demo)`);
  }
  return options;
}

/** StartChatContact, as a relay backend calls it with its AWS credentials (any work against the emulator). */
function chatStarter(endpoint) {
  const connect = new ConnectClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'relay', secretAccessKey: 'relay' } });
  return async (conversation) => {
    const started = await connect.send(
      new StartChatContactCommand({ InstanceId: 'instance-1', ContactFlowId: 'flow-1', ParticipantDetails: { DisplayName: conversation } }),
    );
    return { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
  };
}

/** The demo conversation: the sample messages, queued once in the inbox of "demo-customer". */
function queueDemo(dataDir) {
  const inbox = path.join(dataDir, 'inbox', 'demo-customer');
  if (fs.existsSync(inbox)) return;
  fs.mkdirSync(inbox, { recursive: true });
  for (const file of listFiles(path.join(__dirname, 'sample'))) fs.copyFileSync(path.join(__dirname, 'sample', file), path.join(inbox, file));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (line) => console.log(`${new Date().toISOString()} ${line}`);
  // Node 20 has no global WebSocket: the SDK is given the ws package's.
  sdk.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: options.endpoint, webSocketManagerConfig: { WebSocket } });
  if (options.demo) queueDemo(options.data);

  const conversations = new Map();
  const conversation = (name) => {
    if (!conversations.has(name)) conversations.set(name, new Conversation({ name, dataDir: options.data, sdk, startChat: chatStarter(options.endpoint), log }));
    return conversations.get(name);
  };
  // After a restart: reconnect every open conversation first, so nothing the agent sent meanwhile waits.
  for (const file of listFiles(path.join(options.data, 'state')).filter((f) => f.endsWith('.json'))) {
    const resumed = conversation(path.basename(file, '.json'));
    if (!resumed.ended) await resumed.open().catch((error) => log(`[${resumed.name}] could not reconnect: ${error.message}`));
  }
  log(`relay ready: inbox ${path.join(options.data, 'inbox')}, emulator ${options.endpoint}`);

  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const names = fs.existsSync(path.join(options.data, 'inbox')) ? fs.readdirSync(path.join(options.data, 'inbox')) : [];
      await Promise.all(names.map((name) => conversation(name).forwardInbox().catch((error) => log(`[${name}] ${error.message}`))));
    } finally {
      busy = false;
    }
  };
  setInterval(() => void poll(), POLL_MS);
  // Stopping leaves every chat open: the next start picks each one up where it stopped.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
