// An agent console on the SDK alone (no Streams): it lists the emulator's contacts, joins one as an
// agent through the emulator's control API, and chats with an AGENT ChatSession that opens its own
// websocket. With Amazon Connect, agents get their sessions from Streams instead: see agent-streams.html.
import { ChatView } from './shared/chat-view.js';
import { bindSession } from './shared/session-binding.js';

const REGION = 'us-east-1';
const POLL_MS = 2000;

const contactList = document.querySelector('[data-testid="contact-list"]');
const emptyNote = document.querySelector('[data-testid="contacts-empty"]');
const statusLine = document.querySelector('[data-testid="status"]');
const chatWindow = document.querySelector('[data-testid="chat-window"]');
const endButton = document.querySelector('[data-testid="end-chat"]');
const agentName = document.querySelector('[data-testid="agent-name"]');

/** The contact this console is chatting on, or null. */
let activeContactId = null;

async function control(method, path, body) {
  const response = await fetch(`/emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /emulator/${path} failed with HTTP ${response.status}`);
  return response.json();
}

function contactRow(contact) {
  const customer = contact.participants.find((participant) => participant.role === 'CUSTOMER');
  const row = document.createElement('li');
  row.dataset.testid = 'contact-row';
  row.dataset.contactId = contact.contactId;
  row.classList.toggle('active', contact.contactId === activeContactId);
  const name = document.createElement('div');
  name.className = 'contact-name';
  name.textContent = customer?.displayName || 'Customer';
  const meta = document.createElement('div');
  meta.className = 'contact-meta';
  meta.textContent = contact.contactId.slice(0, 8);
  const state = document.createElement('div');
  state.className = 'contact-state';
  state.textContent = `${contact.state} · ${contact.participants.length} participants`;
  const join = document.createElement('button');
  join.type = 'button';
  join.dataset.testid = 'join-contact';
  join.textContent = 'Join as agent';
  join.disabled = contact.state === 'ENDED' || activeContactId !== null;
  join.addEventListener('click', () => joinContact(contact.contactId));
  row.append(name, meta, state, join);
  return row;
}

async function refreshContacts() {
  try {
    const { contacts } = await control('GET', 'contacts');
    contactList.replaceChildren(...contacts.slice().reverse().map(contactRow));
    emptyNote.hidden = contacts.length > 0;
  } catch (error) {
    statusLine.textContent = `Could not list contacts: ${error.message}`;
  }
}

/** Joins as an AGENT participant (emulator only) and opens a standalone agent session with its token. */
async function joinContact(contactId) {
  activeContactId = contactId;
  statusLine.textContent = 'Joining…';
  await refreshContacts();
  try {
    const joined = await control('POST', `contacts/${encodeURIComponent(contactId)}/participants`, { role: 'AGENT', displayName: agentName.value.trim() || 'Agent' });
    const chatDetails = { contactId, participantId: joined.ParticipantId, participantToken: joined.ParticipantToken };
    connect.ChatSession.setGlobalConfig({ region: REGION, endpoint: location.origin });
    // No websocketManager: the session opens its own websocket, as a customer session does.
    const session = connect.ChatSession.create({ type: 'AGENT', chatDetails, options: { region: REGION } });
    chatWindow.replaceChildren();
    const view = new ChatView(chatWindow, chatDetails.participantId);
    const binding = bindSession(session, view, { onEnded: chatEnded });
    chatWindow.hidden = false;
    await session.connect();
    statusLine.textContent = `Chatting on ${contactId.slice(0, 8)}`;
    endButton.hidden = false;
    await binding.loadOlder();
    view.input.focus();
  } catch (error) {
    statusLine.textContent = `Could not join: ${error.message}`;
    activeContactId = null;
  }
}

function chatEnded() {
  statusLine.textContent = 'Chat ended. Pick another contact.';
  endButton.hidden = true;
  activeContactId = null;
  refreshContacts();
}

// With Amazon Connect an agent ends the contact through Streams (contact.destroy()); here the emulator's
// control route stands in for it. Both sides then receive chat.ended.
endButton.addEventListener('click', async () => {
  if (activeContactId === null) return;
  try {
    await control('POST', `contacts/${encodeURIComponent(activeContactId)}/end`);
  } catch (error) {
    statusLine.textContent = `Could not end the chat: ${error.message}`;
  }
});

document.querySelector('[data-testid="refresh-contacts"]').addEventListener('click', refreshContacts);
// `data-state="ready"` on <html>: the contact list has been loaded once.
refreshContacts().then(() => {
  document.documentElement.dataset.state = 'ready';
});
setInterval(refreshContacts, POLL_MS);
