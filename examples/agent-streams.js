// A custom CCP: Streams embeds the Amazon Connect CCP and logs the agent in; for each chat contact the
// agent accepts, Streams creates an AGENT ChatSession through this SDK (connect.ChatSession.create, with
// Streams' own websocket manager) and hands it over through getMediaController(). The page only draws it.
import { ChatView } from './shared/chat-view.js';
import { bindSession } from './shared/session-binding.js';

// Your instance's CCP, e.g. https://your-instance.my.connect.aws/ccp-v2/ (its origin must allow-list this page).
const CCP_URL = 'https://your-instance.my.connect.aws/ccp-v2/';
const REGION = 'us-east-1';

const statusLine = document.querySelector('[data-testid="status"]');
const chatWindow = document.querySelector('[data-testid="chat-window"]');

function setStatus(text) {
  statusLine.textContent = text;
}

if (typeof connect === 'undefined' || !connect.core) {
  setStatus('Streams is not loaded: serve connect-streams-min.js at vendor/ (see the notes above).');
} else {
  startCcp();
}

function startCcp() {
  connect.core.initCCP(document.getElementById('ccp'), {
    ccpUrl: CCP_URL,
    region: REGION,
    loginPopup: true,
    loginPopupAutoClose: true,
    softphone: { allowFramedSoftphone: true },
    // Streams calls ChatSession.setGlobalConfig for each chat it creates; SDK features go here so
    // they survive that call.
    features: { messageReceipts: { shouldSendMessageReceipts: true } },
  });
  connect.agent((agent) => setStatus(`Signed in as ${agent.getName()}. Waiting for a chat…`));
  connect.contact((contact) => {
    const isChat = contact.getType() === connect.ContactType.CHAT;
    if (!isChat) return;
    contact.onAccepted(() => showChat(contact));
    // A chat that was already accepted when the page loaded (a refresh) shows at once.
    if (contact.getStatus().type === connect.ContactStateType.CONNECTED) showChat(contact);
  });
}

/** Draws the session Streams created for the contact's agent connection. */
async function showChat(contact) {
  setStatus(`Chat ${contact.getContactId().slice(0, 8)} accepted`);
  // One promise per connection: calling this again returns the same session.
  const session = await contact.getAgentConnection().getMediaController();
  const participantId = session.getChatDetails().participantId;
  chatWindow.replaceChildren();
  const view = new ChatView(chatWindow, participantId);
  const binding = bindSession(session, view, { onEnded: () => setStatus('Chat ended') });
  chatWindow.hidden = false;
  // Streams already connected the session; only the transcript is left to load.
  await binding.loadOlder();
  // Agents end chats through Streams, not through the session.
  contact.onEnded(() => view.showEnded());
}
