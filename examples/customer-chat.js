// A customer chat widget on the script-tag SDK (global connect.ChatSession), talking to the emulator
// that serves this page. The chat survives a page refresh and opens in every tab of the site: the
// participant's ids and token are kept in sessionStorage (this tab) and localStorage (new tabs), and on
// load the page connects again. The SDK does the rest (docs/tabs.md): the tabs share one websocket and
// step together, a reload paints the transcript at once, and, when the customer ticked the box, closing
// the last tab ends the chat. Messages typed while the service is unreachable stay on screen as "waiting"
// (shared/pending-messages.js) and go out when it is back.
import { ChatView } from './shared/chat-view.js';
import { bindSession } from './shared/session-binding.js';

const REGION = 'us-east-1';
const STORAGE_KEY = 'amazon-connect-chat-example:customer';

const statusLine = document.querySelector('[data-testid="status"]');
const startForm = document.querySelector('[data-testid="start-form"]');
const chatWindow = document.querySelector('[data-testid="chat-window"]');
const endButton = document.querySelector('[data-testid="end-chat"]');

// In production this call belongs in your backend: StartChatContact is signed with AWS credentials, which
// must never reach a browser. Your server calls it and hands the page only ContactId, ParticipantId and
// ParticipantToken. The emulator accepts unsigned calls, so this example calls it from the page.
async function startChatContact(displayName) {
  const response = await fetch('/contact/chat', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    // SupportedMessagingContentTypes: this widget shows interactive messages and answers them.
    body: JSON.stringify({
      InstanceId: 'local-instance',
      ContactFlowId: 'local-flow',
      ParticipantDetails: { DisplayName: displayName },
      SupportedMessagingContentTypes: ['text/plain', 'text/markdown', 'application/vnd.amazonaws.connect.message.interactive', 'application/vnd.amazonaws.connect.message.interactive.response'],
    }),
  });
  if (!response.ok) throw new Error(`StartChatContact failed with HTTP ${response.status}`);
  const started = await response.json();
  return { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
}

const storage = {
  load() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || localStorage.getItem(STORAGE_KEY) || 'null');
    } catch {
      return null;
    }
  },
  save(chatDetails) {
    const text = JSON.stringify(chatDetails);
    sessionStorage.setItem(STORAGE_KEY, text);
    localStorage.setItem(STORAGE_KEY, text);
  },
  clear() {
    sessionStorage.removeItem(STORAGE_KEY);
    localStorage.removeItem(STORAGE_KEY);
  },
};

function setStatus(text) {
  statusLine.textContent = text;
}

function chatEnded() {
  storage.clear();
  setStatus('Chat ended');
  endButton.hidden = true;
}

/** Creates the session for stored or fresh chat details, connects, and shows the latest transcript page. */
async function openChat(chatDetails) {
  connect.ChatSession.setGlobalConfig({ region: REGION, endpoint: location.origin });
  // tabs: one websocket for every tab of this chat and a reload that paints at once are on by default;
  // leaving when the last tab closes is the customer's choice (the start form's checkbox).
  const tabs = { leaveOnClose: chatDetails.leaveOnClose === true };
  const { contactId, participantId, participantToken } = chatDetails;
  const session = connect.ChatSession.create({
    type: 'CUSTOMER',
    chatDetails: { contactId, participantId, participantToken },
    options: { region: REGION },
    disableCSM: true,
    tabs,
  });
  chatWindow.replaceChildren();
  const view = new ChatView(chatWindow, chatDetails.participantId, { answersInteractive: true });
  const binding = bindSession(session, view, { onEnded: chatEnded });
  startForm.hidden = true;
  chatWindow.hidden = false;
  await connectPatiently(session);
  setStatus('Connected');
  endButton.hidden = false;
  endButton.onclick = () => endChat(session, view);
  await binding.loadOlder();
  view.input.focus();
}

/** Connects; while the service cannot be reached (a reload during an outage) it keeps trying every few seconds. */
async function connectPatiently(session) {
  for (;;) {
    try {
      return await session.connect();
    } catch (error) {
      if (!error?.retryable) throw error;
      setStatus('Offline. Trying again…');
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

async function endChat(session, view) {
  endButton.disabled = true;
  try {
    await session.disconnectParticipant();
  } catch (error) {
    view.notice(`Could not end the chat: ${error.message}`);
    endButton.disabled = false;
    return;
  }
  // chat.ended usually follows at once and fires onEnded; leaving is final either way.
  view.showEnded();
  chatEnded();
}

startForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(startForm);
  const displayName = form.get('displayName').trim() || 'Customer';
  setStatus('Starting…');
  try {
    const chatDetails = { ...(await startChatContact(displayName)), leaveOnClose: form.get('leaveOnClose') === 'on' };
    storage.save(chatDetails);
    await openChat(chatDetails);
  } catch (error) {
    storage.clear();
    setStatus(`Could not start the chat: ${error.message}`);
    startForm.hidden = false;
    chatWindow.hidden = true;
  }
});

async function resume() {
  const saved = storage.load();
  if (!saved) return;
  setStatus('Resuming your chat…');
  try {
    await openChat(saved);
  } catch (error) {
    // Most often the chat ended while the page was away: the token is refused. Start over.
    storage.clear();
    setStatus('Your previous chat has ended');
    startForm.hidden = false;
    chatWindow.hidden = true;
  }
}

// `data-state="ready"` on <html> tells tests (and anyone scripting the page) that it finished starting up.
resume().finally(() => {
  document.documentElement.dataset.state = 'ready';
});
