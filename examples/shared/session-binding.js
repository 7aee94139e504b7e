// Connects a ChatSession to a ChatView: incoming items and receipts, typing both ways, read and
// delivered receipts for what the other side sent, attachments, and older transcript pages on scroll.
// Works the same for CUSTOMER and AGENT sessions.
import { showPendingMessages } from './pending-messages.js';

const EVENT = 'application/vnd.amazonaws.connect.event.';
const TYPING = `${EVENT}typing`;
const READ = `${EVENT}message.read`;
const DELIVERED = `${EVENT}message.delivered`;
const PAGE_SIZE = 15;

function whenPageVisible(run) {
  if (document.visibilityState === 'visible') return run();
  const onChange = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', onChange);
    run();
  };
  document.addEventListener('visibilitychange', onChange);
}

/** Whether the transcript already shows that I sent this kind of receipt for the item. */
function alreadyReceipted(item, participantId, field) {
  return (item.MessageMetadata?.Receipts || []).some((receipt) => receipt.RecipientParticipantId === participantId && receipt[field]);
}

export function bindSession(session, view, { onEnded } = {}) {
  const own = view.ownParticipantId;
  const receiptsSent = new Set();
  const paging = { nextToken: undefined, done: false, loading: false };

  const sendReceipt = (contentType, messageId) => {
    const key = `${contentType}|${messageId}`;
    if (receiptsSent.has(key)) return;
    receiptsSent.add(key);
    session.sendEvent({ contentType, content: JSON.stringify({ messageId }) }).catch(() => receiptsSent.delete(key));
  };

  /** Shows an item; for the other side's messages, sends delivered now and read once it is seen. */
  const show = (item) => {
    const node = view.addItem(item);
    if (!node || view.isOwn(item) || (item.Type !== 'MESSAGE' && item.Type !== 'ATTACHMENT')) return;
    if (!alreadyReceipted(item, own, 'DeliveredTimestamp')) sendReceipt(DELIVERED, item.Id);
    if (alreadyReceipted(item, own, 'ReadTimestamp')) return;
    view.watchVisibility(node, item, () => whenPageVisible(() => sendReceipt(READ, item.Id)));
  };

  /** Receipts folded into transcript items become ticks on my messages. */
  const showReceiptsOf = (item) => {
    (item.MessageMetadata?.Receipts || []).forEach((receipt) => {
      if (receipt.RecipientParticipantId === own) return;
      if (receipt.DeliveredTimestamp) view.setReceipt(item.Id, 'delivered');
      if (receipt.ReadTimestamp) view.setReceipt(item.Id, 'read');
    });
  };

  session.onMessage(({ data }) => {
    if (data.ParticipantId && data.ParticipantId !== own) view.hideTyping();
    show(data);
  });
  session.onTyping(({ data }) => {
    if (data.ParticipantId !== own) view.showTyping(data.DisplayName || data.ParticipantRole || 'Someone');
  });
  session.onReadReceipt(({ data }) => view.setReceipt(data.MessageMetadata?.MessageId, 'read'));
  session.onDeliveredReceipt(({ data }) => view.setReceipt(data.MessageMetadata?.MessageId, 'delivered'));
  session.onConnectionLost(() => view.setConnectionLost(true));
  session.onConnectionEstablished(() => view.setConnectionLost(false));
  session.onConnectionBroken(() => {
    // The SDK stopped retrying (rare: an unusable answer from the service). connect() starts again.
    view.setConnectionLost(true, 'Connection failed. Trying again…');
    session.connect().catch(() => view.setConnectionLost(true, 'Could not reconnect. Reload the page to try again.'));
  });
  session.onEnded(() => {
    view.showEnded();
    onEnded?.();
  });

  // The SDK's outbox keeps each message until the service has it (through outages, and across a reload);
  // the pending list shows it meanwhile, and a message that could not be sent stays there with "Send again".
  showPendingMessages(session, view);
  view.on('send', (text) => {
    session.sendMessage({ message: text, contentType: 'text/markdown' }).catch(() => undefined);
  });
  // The SDK sends at most one typing event per window however often this is called.
  view.on('typing', () => session.sendEvent({ contentType: TYPING }).catch(() => undefined));
  view.on('file', (file) => sendFile(session, view, file));
  view.on('download', (attachment) => download(session, view, attachment));

  /** One page of older items (the first call loads the most recent page). */
  const loadOlder = async () => {
    if (paging.loading || paging.done) return;
    paging.loading = true;
    try {
      const { data } = await session.getTranscript({ scanDirection: 'BACKWARD', sortOrder: 'ASCENDING', maxResults: PAGE_SIZE, nextToken: paging.nextToken });
      const first = paging.nextToken === undefined;
      const add = () => (data.Transcript || []).forEach((item) => {
        show(item);
        showReceiptsOf(item);
      });
      if (first) {
        add();
        view.scrollToBottom();
      } else view.keepScrollPosition(add);
      paging.nextToken = data.NextToken;
      paging.done = !data.NextToken;
    } finally {
      paging.loading = false;
    }
    // A list too short to scroll can never reach its top: keep loading until it can, or nothing is left.
    if (!paging.done && !view.canScroll()) await loadOlder();
  };
  view.on('scrollTop', () => loadOlder().catch((error) => view.notice(`Could not load older messages: ${error.message}`)));

  return { loadOlder };
}

async function sendFile(session, view, file) {
  view.setProgress(0);
  try {
    await session.sendAttachment({ attachment: file, onProgress: ({ loaded, total }) => view.setProgress(total > 0 ? loaded / total : 1) });
  } catch (error) {
    view.notice(`Could not send ${file.name}: ${error.message}`);
  } finally {
    view.setProgress(null);
  }
}

async function download(session, view, attachment) {
  try {
    const blob = await session.downloadAttachment({ attachmentId: attachment.AttachmentId });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.AttachmentName || 'attachment';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    view.notice(`Could not download ${attachment.AttachmentName}: ${error.message}`);
  }
}
