// A custom CCP: Streams embeds a CCP and logs the agent in; for each chat contact the agent accepts,
// Streams creates an AGENT ChatSession through this SDK (connect.ChatSession.create, with Streams' own
// websocket manager) and hands it over through getMediaController(). The page draws one tab per chat.
//
// Query parameters: `ccp` (the CCP URL; default the emulator's own /ccp-v2/), `region` (default
// us-east-1), `endpoint` (the participant service; default this page's origin when the CCP is the
// emulator's, the real service otherwise), `agent` and `name` (the emulated CCP's agent login and name).
import { ChatView } from './shared/chat-view.js';
import { bindSession } from './shared/session-binding.js';

const config = readConfig(new URLSearchParams(location.search));
const statusLine = document.querySelector('[data-testid="status"]');
const stateLabel = document.querySelector('[data-testid="agent-state"]');
const tabList = document.querySelector('[data-testid="chat-list"]');
const windows = document.querySelector('[data-testid="chat-windows"]');
const emptyNote = document.querySelector('[data-testid="chats-empty"]');
/** Open chats by contact id. */
const chats = new Map();

document.querySelector('[data-testid="ccp-source"]').textContent = `CCP: ${config.ccpUrl}`;

if (typeof connect === 'undefined' || !connect.core) {
  setStatus('Streams is not loaded: run `npm run build` (it copies connect-streams-min.js into examples/vendor/).');
} else {
  startCcp();
}

function readConfig(params) {
  const emulated = !params.get('ccp');
  const defaultCcp = new URL('/ccp-v2/', location.href);
  ['agent', 'name'].forEach((key) => params.get(key) && defaultCcp.searchParams.set(key, params.get(key)));
  return {
    // Absolute, always: Streams derives the CCP origin from it for its SDK channel.
    ccpUrl: new URL(params.get('ccp') || defaultCcp.href, location.href).href,
    region: params.get('region') || 'us-east-1',
    endpoint: params.get('endpoint') || (emulated ? location.origin : undefined),
    emulated,
  };
}

function setStatus(text) {
  statusLine.textContent = text;
}

function startCcp() {
  // Streams sets the region (and its logger and features) for each chat it creates; the endpoint set
  // here survives that, so chats talk to the emulator.
  if (config.endpoint) connect.ChatSession.setGlobalConfig({ region: config.region, endpoint: config.endpoint });
  connect.core.initCCP(document.getElementById('ccp'), {
    ccpUrl: config.ccpUrl,
    region: config.region,
    // The emulated CCP needs no login; a real one opens its login page in a popup.
    loginPopup: !config.emulated,
    loginPopupAutoClose: true,
    softphone: { allowFramedSoftphone: true },
    // Streams calls ChatSession.setGlobalConfig for each chat; SDK features go here so they survive it.
    features: { messageReceipts: { shouldSendMessageReceipts: true } },
  });
  connect.agent(onAgent);
  connect.contact((contact) => {
    if (contact.getType() === connect.ContactType.CHAT && !chats.has(contact.getContactId())) chats.set(contact.getContactId(), new ChatTab(contact));
  });
}

function onAgent(agent) {
  setStatus(`Signed in as ${agent.getName()}`);
  // `data-state="ready"` on <html>: Streams has the agent (the landing-page test waits for it).
  document.documentElement.dataset.state = 'ready';
  const showState = () => (stateLabel.textContent = agent.getState().name);
  showState();
  agent.onStateChange(showState);
  const bindStateButton = (testId, name) => {
    const button = document.querySelector(`[data-testid="${testId}"]`);
    button.disabled = false;
    button.addEventListener('click', () => setAgentState(agent, name));
  };
  bindStateButton('go-available', 'Available');
  bindStateButton('go-offline', 'Offline');
}

function setAgentState(agent, name) {
  const state = agent.getAgentStates().find((candidate) => candidate.name === name);
  if (!state) return setStatus(`This instance has no "${name}" state`);
  agent.setState(state, { failure: (error) => setStatus(`Could not go ${name}: ${describe(error)}`) });
}

function describe(error) {
  if (!error) return 'unknown error';
  if (typeof error === 'string') return error;
  return error.message || error.type || JSON.stringify(error);
}

/** One chat contact: a tab with its state and buttons, and a window with the conversation once accepted. */
class ChatTab {
  constructor(contact) {
    this.contact = contact;
    this.contactId = contact.getContactId();
    this.subscriptions = [];
    this.tab = element('li', { 'data-testid': 'chat-tab', 'data-contact-id': this.contactId });
    this.label = element('span', { class: 'tab-name', 'data-testid': 'chat-name' }, 'Incoming chat');
    this.stateText = element('span', { class: 'tab-state', 'data-testid': 'chat-state' });
    this.buttons = {
      accept: this.button('Accept', 'accept-chat', () => contact.accept(this.callbacks('accept'))),
      reject: this.button('Reject', 'reject-chat', () => contact.reject(this.callbacks('reject'))),
      end: this.button('End', 'end-chat', () => contact.getAgentConnection().destroy(this.callbacks('end'))),
      transfer: this.button('Transfer', 'transfer-chat', () => this.chooseQuickConnect()),
      // A supervisor monitoring the chat silently can join the conversation.
      barge: this.button('Barge in', 'barge-in', () => contact.bargeIn(this.callbacks('barge in'))),
      clear: this.button('Clear', 'clear-chat', () => contact.clear(this.callbacks('clear'))),
    };
    this.tab.append(this.label, this.stateText, ...Object.values(this.buttons));
    this.tab.addEventListener('click', () => this.select());
    this.window = element('section', { class: 'chat-window', 'data-testid': 'chat-window', 'data-contact-id': this.contactId });
    this.window.hidden = true;
    tabList.append(this.tab);
    windows.append(this.window);
    emptyNote.hidden = true;
    this.listen();
    this.refresh();
  }

  button(text, testId, action) {
    const button = element('button', { type: 'button', 'data-testid': testId }, text);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      action();
    });
    return button;
  }

  callbacks(action) {
    return { failure: (error) => this.window.prepend(element('p', { class: 'chat-error' }, `Could not ${action}: ${describe(error)}`)) };
  }

  listen() {
    const contact = this.contact;
    this.subscriptions.push(
      contact.onRefresh(() => this.refresh()),
      contact.onAccepted(() => this.showChat()),
      contact.onEnded(() => this.view?.showEnded()),
      contact.onDestroy(() => this.destroy()),
    );
    // A chat already accepted when the page loaded (a refresh) shows at once.
    if (contact.getStatus().type === connect.ContactStateType.CONNECTED) this.showChat();
  }

  refresh() {
    const state = this.contact.getStatus().type;
    this.stateText.textContent = state;
    this.tab.dataset.state = state;
    this.buttons.accept.hidden = this.buttons.reject.hidden = state !== connect.ContactStateType.CONNECTING;
    const connection = this.contact.getAgentConnection();
    const monitoring = connection?.getType() === connect.ConnectionType.MONITORING;
    this.tab.dataset.monitor = monitoring ? String(connection.getMonitorStatus()) : '';
    this.buttons.end.hidden = state !== connect.ContactStateType.CONNECTED;
    this.buttons.transfer.hidden = state !== connect.ContactStateType.CONNECTED || monitoring;
    this.buttons.barge.hidden = state !== connect.ContactStateType.CONNECTED || !monitoring || !connection.isSilentMonitor();
    if (state !== connect.ContactStateType.CONNECTED) this.tab.querySelector('[data-testid="transfer-target"]')?.remove();
    this.buttons.clear.hidden = state !== connect.ContactStateType.ENDED;
  }

  /**
   * Lists the quick connects of the agent's queues (Streams' agent.getEndpoints) in a picker; choosing one
   * transfers the chat with contact.addConnection: the chat goes to that queue or agent and this agent leaves.
   */
  chooseQuickConnect() {
    const agent = new connect.Agent();
    agent.getEndpoints(agent.getAllQueueARNs(), {
      success: ({ endpoints }) => {
        this.tab.querySelector('[data-testid="transfer-target"]')?.remove();
        const picker = element('select', { 'data-testid': 'transfer-target', 'aria-label': 'Transfer to' });
        picker.append(element('option', { value: '' }, 'Transfer to…'));
        endpoints.forEach((endpoint, index) => picker.append(element('option', { value: String(index) }, `${endpoint.type === 'agent' ? 'Agent' : 'Queue'}: ${endpoint.name}`)));
        picker.addEventListener('click', (event) => event.stopPropagation());
        picker.addEventListener('change', () => {
          const endpoint = endpoints[Number(picker.value)];
          if (!picker.value || !endpoint) return;
          picker.remove();
          this.contact.addConnection(endpoint, this.callbacks('transfer'));
        });
        this.tab.append(picker);
      },
      failure: (error) => this.window.prepend(element('p', { class: 'chat-error' }, `Could not list quick connects: ${describe(error)}`)),
    });
  }

  select() {
    chats.forEach((chat) => {
      chat.tab.classList.remove('active');
      chat.window.hidden = true;
    });
    // This tab may not be in `chats` yet (a chat already accepted when the page loaded).
    this.tab.classList.add('active');
    this.window.hidden = false;
  }

  /** Draws the session Streams created for the agent connection; once per contact. */
  async showChat() {
    if (this.sessionPromise) return;
    this.select();
    // One promise per connection: calling this again returns the same session (or the same failure).
    this.sessionPromise = this.contact.getAgentConnection().getMediaController();
    let session;
    try {
      session = await this.sessionPromise;
    } catch (error) {
      this.window.append(element('p', { class: 'chat-error', 'data-testid': 'chat-error' }, `The chat session could not start: ${describe(error)}`));
      return;
    }
    if (this.destroyed) return;
    this.session = session;
    const mediaInfo = this.contact.getAgentConnection().getMediaInfo();
    this.label.textContent = `Chat with ${mediaInfo?.originalInfo?.customerName || 'a customer'}`;
    this.view = new ChatView(this.window, session.getChatDetails().participantId);
    const binding = bindSession(session, this.view);
    // Streams already connected the session; only the transcript is left to load.
    await binding.loadOlder().catch((error) => this.view.notice(`Could not load the transcript: ${describe(error)}`));
  }

  /** Streams removed the contact (cleared): drop its tab, window, subscriptions and session handlers. */
  destroy() {
    this.destroyed = true;
    const wasSelected = !this.window.hidden;
    this.subscriptions.forEach((subscription) => subscription?.unsubscribe?.());
    this.session?.cleanUpOnParticipantDisconnect?.();
    this.tab.remove();
    this.window.remove();
    chats.delete(this.contactId);
    emptyNote.hidden = chats.size > 0;
    const next = chats.values().next().value;
    if (next && wasSelected) next.select();
  }
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}
