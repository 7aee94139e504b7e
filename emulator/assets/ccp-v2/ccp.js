// @ts-check
// The emulated Amazon Connect CCP (spec/streams-ccp-emulation.md): the page Streams embeds with
// `connect.core.initCCP(el, { ccpUrl: '<emulator>/ccp-v2/' })`. It speaks Streams' conduit protocol
// upwards and the emulator's agent channel and chat socket downwards. The agent is chosen by this page's
// query: `?agent=<login>&name=<display name>` (default login "agent").
import { AgentChannel } from './agent-channel.js';
import { ChatRelay } from './chat-relay.js';
import { Conduit } from './conduit.js';
import { findEmbedder } from './parent-origin.js';
import { openSdkPort } from './sdk-port.js';

/** Broadcasts that are only Streams' telemetry: dropped rather than echoed back. */
const TELEMETRY_EVENTS = new Set(['log', 'server_bound_internal_log', 'client_metric', 'click_stream_data', 'api_metric', 'softphone_stats', 'softphone_report']);
const REGION = 'us-east-1';

const query = new URLSearchParams(location.search);
if (!findEmbedder(start)) setText('ccp-agent', 'not started: this page works only inside the page that embeds it with Streams (connect.core.initCCP)');

/** @param {string} embedderOrigin */
function start(embedderOrigin) {
  const ccpId = `emulated-ccp-${Math.random().toString(36).slice(2)}`;
  const conduit = new Conduit(embedderOrigin);
  const relay = new ChatRelay(conduit);

  // Streams waits for this first acknowledge (with an id) before anything else; it must come within its
  // ccpLoadTimeout (5 s), or Streams opens its login popup and reloads this frame.
  conduit.send('acknowledge', { id: ccpId });
  openSdkPort(REGION, embedderOrigin);

  const channel = new AgentChannel(channelUrl(), {
    onWelcome: (welcome) => relay.open(socketUrl(welcome.chatSocketPath)),
    onAgent: (data) => {
      data.snapshot.localTimestamp = Date.now();
      conduit.send('agent::update', data);
      render(data);
    },
    onStatus: (open, reason) => setText('ccp-link', open ? '' : `(${reason || 'connection to the emulator lost'}; reconnecting…)`),
  });

  conduit.on('synchronize', () => conduit.send('acknowledge', { id: ccpId }));
  conduit.on('api_request', (request) => {
    channel.request(request.requestId, request.method, request.params).then(
      (data) => conduit.send('api_response', { event: 'api_response', requestId: request.requestId, data, err: null }),
      (err) => conduit.send('api_response', { event: 'api_response', requestId: request.requestId, data: null, err }),
    );
  });
  // Streams announces accepted contacts as broadcasts; contact.onAccepted fires only when they come back.
  conduit.on('broadcast', (message) => {
    if (message && typeof message.event === 'string' && !TELEMETRY_EVENTS.has(message.event)) conduit.send(message.event, message.data);
  });
  conduit.on('master_request', (request) => {
    conduit.send('master_response', { requestId: request.requestId, data: { isMaster: true, masterId: ccpId, topic: request.params?.topic } });
  });
  conduit.on('media_device_request', () => conduit.send('media_device_response', []));
  conduit.on('webSocket::subscribe', (topics) => relay.subscribe(topics));
  conduit.on('webSocket::send', (payload) => relay.sendFrame(payload));
  // configure, outer_context_info, iframe_style and the rest need nothing from an emulated CCP.
  conduit.on('*', () => undefined);
}

function channelUrl() {
  const params = new URLSearchParams({ agent: query.get('agent') ?? 'agent' });
  const name = query.get('name');
  if (name) params.set('name', name);
  return socketUrl(`/ccp-v2/agent?${params}`);
}

/** @param {string} path */
function socketUrl(path) {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

/** @param {string} testId @param {string} text */
function setText(testId, text) {
  const element = document.querySelector(`[data-testid="${testId}"]`);
  if (element) element.textContent = text;
}

/** The frame shows who is logged in, the state and the contacts, so a screenshot tells the story. @param {any} data */
function render(data) {
  setText('ccp-agent', `${data.configuration.name} (${data.configuration.username})`);
  setText('ccp-state', data.snapshot.state.name);
  const list = document.querySelector('[data-testid="ccp-contacts"]');
  if (!list) return;
  list.replaceChildren(
    ...data.snapshot.contacts.map((/** @type {any} */ contact) => {
      const item = document.createElement('li');
      const customer = contact.connections.find((/** @type {any} */ connection) => connection.type === 'inbound');
      item.textContent = `Chat with ${customer?.endpoint?.name ?? 'customer'}: ${contact.state.type}`;
      return item;
    }),
  );
}
