// The messages the SDK's outbox still holds, shown under the conversation with their text: "Sending…",
// "Waiting for the connection…" (sent by the SDK once the service answers again), or "Not sent" with
// "Send again" and "Discard". After a reload the SDK sends what was waiting, and this list shows it meanwhile.
const LABELS = { sending: 'Sending…', waiting: 'Waiting for the connection…', failed: 'Not sent' };

function button(text, testId, onClick) {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = text;
  node.dataset.testid = testId;
  node.addEventListener('click', onClick);
  return node;
}

/** Renders `session.getPendingMessages()` into a list placed just above the composer, and keeps it current. */
export function showPendingMessages(session, view) {
  // The outbox is this SDK's: with amazon-connect-chatjs 5.0.0 (the examples run with both) there is no list to show.
  if (typeof session.onPendingMessagesChanged !== 'function') return;
  const list = document.createElement('ul');
  list.className = 'chat-pending';
  list.dataset.testid = 'pending-messages';
  view.form.before(list);

  const render = (messages) => {
    list.replaceChildren(
      ...messages.map((message) => {
        const row = document.createElement('li');
        row.className = `chat-pending-${message.state}`;
        row.dataset.testid = 'pending-message';
        row.dataset.state = message.state;
        const text = document.createElement('span');
        text.textContent = message.content;
        const label = document.createElement('small');
        label.textContent = LABELS[message.state];
        row.append(text, label);
        if (message.state === 'failed') {
          row.append(
            button('Send again', 'send-again', () => session.resendFailedMessage({ id: message.id }).catch(() => undefined)),
            button('Discard', 'discard', () => session.discardPendingMessage({ id: message.id })),
          );
        }
        return row;
      }),
    );
    list.hidden = messages.length === 0;
  };
  session.onPendingMessagesChanged(({ data }) => render(data));
  render(session.getPendingMessages());
}
