// The chat window both example pages share: the message list, typing line, receipts ticks, connection
// banner, upload progress and composer. It only draws; shared/session-binding.js connects it to a
// ChatSession. Every piece of message content goes through textContent or markdown.js, never innerHTML.
import { renderContent } from './markdown.js';
import { disableChoices, INTERACTIVE, INTERACTIVE_RESPONSE, renderInteractive, responseLabel } from './interactive-view.js';

const RECEIPT_RANK = { sent: 0, delivered: 1, read: 2 };
const RECEIPT_MARK = { sent: '✓', delivered: '✓✓', read: '✓✓' };

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "participant.joined" → "joined"; the part of an event content type people can read. */
function eventLabel(item) {
  const name = item.ContentType.split('.event.').pop() || item.ContentType;
  const who = item.DisplayName || item.ParticipantRole || '';
  const words = {
    'participant.joined': 'joined the chat',
    'participant.left': 'left the chat',
    'chat.ended': 'The chat has ended',
    'participant.idle': 'is idle',
    'participant.returned': 'is back',
    'participant.autodisconnection': 'was idle too long: the chat is closing',
    'transfer.succeeded': 'transferred the chat',
  };
  const text = words[name] || name.replace(/[._]/g, ' ');
  return name === 'chat.ended' ? text : `${who} ${text}`.trim();
}

export class ChatView {
  /**
   * `root` is an empty element the view fills; `ownParticipantId` marks which messages are "mine";
   * `answersInteractive` (the customer's view) makes interactive messages' choices clickable.
   */
  constructor(root, ownParticipantId, { answersInteractive = false } = {}) {
    this.ownParticipantId = ownParticipantId;
    this.answersInteractive = answersInteractive;
    this.items = new Map();
    this.handlers = {};
    this.typingTimer = null;
    this.build(root);
  }

  build(root) {
    this.banner = el('div', { class: 'chat-banner', 'data-testid': 'connection-banner', role: 'status' }, 'Connection lost. Reconnecting…');
    this.banner.hidden = true;
    this.list = el('div', { class: 'chat-list', 'data-testid': 'message-list', 'aria-live': 'polite' });
    this.typing = el('div', { class: 'chat-typing', 'data-testid': 'typing-indicator' });
    this.typing.hidden = true;
    this.progress = el('progress', { class: 'chat-progress', 'data-testid': 'upload-progress', max: '1', value: '0' });
    this.progress.hidden = true;
    this.ended = el('div', { class: 'chat-ended', 'data-testid': 'chat-ended' }, 'This chat has ended.');
    this.ended.hidden = true;
    root.append(this.banner, this.list, this.typing, this.progress, this.ended, this.buildComposer());
    this.list.addEventListener('scroll', () => {
      if (this.list.scrollTop < 40) this.emit('scrollTop');
    });
  }

  buildComposer() {
    this.form = el('form', { class: 'chat-composer' });
    this.input = el('textarea', { rows: '1', placeholder: 'Type a message…', title: 'Markdown: **bold**, *italic*, `code`, [link](https://…)', 'data-testid': 'composer-input', 'aria-label': 'Message' });
    this.fileInput = el('input', { type: 'file', 'data-testid': 'file-input', 'aria-label': 'Attach a file', hidden: '' });
    const attach = el('button', { type: 'button', class: 'chat-attach', title: 'Attach a file', 'data-testid': 'attach-button' }, 'Attach');
    const send = el('button', { type: 'submit', 'data-testid': 'send-button' }, 'Send');
    attach.addEventListener('click', () => this.fileInput.click());
    this.fileInput.addEventListener('change', () => {
      const [file] = this.fileInput.files;
      this.fileInput.value = '';
      if (file) this.emit('file', file);
    });
    this.input.addEventListener('input', () => this.emit('typing'));
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      this.input.value = '';
      if (text) this.emit('send', text);
    });
    this.form.append(attach, this.fileInput, this.input, send);
    return this.form;
  }

  /** Registers the handler of a user action: send, typing, file, download, scrollTop, visible. */
  on(name, handler) {
    this.handlers[name] = handler;
  }

  emit(name, ...args) {
    this.handlers[name]?.(...args);
  }

  isOwn(item) {
    return item.ParticipantId === this.ownParticipantId;
  }

  /** Adds a MESSAGE, ATTACHMENT or EVENT item once, in time order. Returns its element, or null if known or not shown. */
  addItem(item) {
    if (!item.Id || this.items.has(item.Id)) return null;
    const node = this.renderItem(item);
    if (!node) return null;
    node.dataset.time = item.AbsoluteTime;
    this.items.set(item.Id, node);
    const nearBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 60;
    this.insertInOrder(node);
    if (nearBottom || this.isOwn(item)) this.scrollToBottom();
    return node;
  }

  insertInOrder(node) {
    let after = this.list.lastElementChild;
    while (after && after.dataset.time > node.dataset.time) after = after.previousElementSibling;
    if (after) after.after(node);
    else this.list.prepend(node);
  }

  renderItem(item) {
    if (item.Type === 'EVENT') return el('div', { class: 'chat-event', 'data-testid': 'event' }, eventLabel(item));
    if (item.Type !== 'MESSAGE' && item.Type !== 'ATTACHMENT') return null;
    const own = this.isOwn(item);
    const node = el('div', { class: `chat-message ${own ? 'own' : 'other'}`, 'data-testid': 'message', 'data-id': item.Id, 'data-own': String(own), 'data-role': item.ParticipantRole || '' });
    const meta = el('div', { class: 'chat-meta' });
    meta.append(el('span', { class: 'chat-sender', 'data-testid': 'message-sender' }, item.DisplayName || item.ParticipantRole || 'Unknown'));
    meta.append(el('time', { class: 'chat-time', 'data-testid': 'message-time', datetime: item.AbsoluteTime, title: item.AbsoluteTime }, formatTime(item.AbsoluteTime)));
    const body = el('div', { class: 'chat-body', 'data-testid': 'message-body' });
    if (item.Type === 'ATTACHMENT') body.append(this.renderAttachment(item));
    else if (item.ContentType === INTERACTIVE) body.append(this.renderTemplate(item));
    else if (item.ContentType === INTERACTIVE_RESPONSE) body.append(renderContent(responseLabel(item.Content || ''), false));
    else body.append(renderContent(item.Content || '', item.ContentType === 'text/markdown'));
    node.append(meta, body);
    if (own) node.append(el('span', { class: 'chat-receipt', 'data-testid': 'receipt', 'data-state': 'sent', title: 'Sent' }, RECEIPT_MARK.sent));
    return node;
  }

  /** An interactive template; on the customer's side a choice sends the response (once). */
  renderTemplate(item) {
    const answer = this.answersInteractive && !this.isOwn(item) ? (response) => {
      disableChoices(node);
      this.emit('choose', response);
    } : undefined;
    const node = renderInteractive(item.Content || '', answer);
    return node;
  }

  renderAttachment(item) {
    const attachment = (item.Attachments || [])[0] || {};
    const box = el('div', { class: 'chat-attachment' });
    box.append(el('span', { class: 'chat-file-name', 'data-testid': 'attachment-name' }, attachment.AttachmentName || 'file'));
    if (attachment.Status === 'REJECTED') {
      box.append(el('span', { class: 'chat-file-status' }, ' (blocked by the virus scan)'));
      return box;
    }
    const download = el('button', { type: 'button', 'data-testid': 'download-attachment' }, 'Download');
    download.addEventListener('click', () => this.emit('download', attachment));
    box.append(download);
    return box;
  }

  /**
   * A receipt for a message means the reader got everything up to it (the SDK throttles receipts and
   * sends only the newest), so every one of my messages up to that one moves forward: sent → delivered → read.
   */
  setReceipt(messageId, state) {
    const node = this.items.get(messageId);
    if (!node) return;
    const mine = [...this.list.querySelectorAll('[data-own="true"]')].filter((candidate) => candidate.dataset.time <= node.dataset.time);
    mine.forEach((target) => {
      const tick = target.querySelector('[data-testid="receipt"]');
      if (!tick || RECEIPT_RANK[tick.dataset.state] >= RECEIPT_RANK[state]) return;
      tick.dataset.state = state;
      tick.textContent = RECEIPT_MARK[state];
      tick.title = state === 'read' ? 'Read' : 'Delivered';
    });
  }

  showTyping(name) {
    this.typing.textContent = `${name} is typing…`;
    this.typing.hidden = false;
    clearTimeout(this.typingTimer);
    // Typing events repeat while someone types; without one for a while, they stopped.
    this.typingTimer = setTimeout(() => this.hideTyping(), 6000);
  }

  hideTyping() {
    clearTimeout(this.typingTimer);
    this.typingTimer = null;
    this.typing.hidden = true;
  }

  setConnectionLost(lost, text = 'Connection lost. Reconnecting…') {
    this.banner.textContent = text;
    this.banner.hidden = !lost;
  }

  /** `fraction` 0..1 while uploading, null when done. */
  setProgress(fraction) {
    this.progress.hidden = fraction === null;
    if (fraction !== null) this.progress.value = fraction;
  }

  showEnded() {
    this.hideTyping();
    this.setProgress(null);
    this.banner.hidden = true;
    this.ended.hidden = false;
    [...this.form.elements].forEach((control) => {
      control.disabled = true;
    });
  }

  canScroll() {
    return this.list.scrollHeight > this.list.clientHeight + 40;
  }

  scrollToBottom() {
    this.list.scrollTop = this.list.scrollHeight;
  }

  /** Runs `add` (which prepends older items) without moving what the reader is looking at. */
  keepScrollPosition(add) {
    const fromBottom = this.list.scrollHeight - this.list.scrollTop;
    add();
    this.list.scrollTop = this.list.scrollHeight - fromBottom;
  }

  /** Calls `onVisible(item)` once each incoming message has been at least half on screen. */
  watchVisibility(node, item, onVisible) {
    this.observer ??= new IntersectionObserver((entries) => {
      entries.filter((entry) => entry.isIntersecting).forEach((entry) => {
        this.observer.unobserve(entry.target);
        entry.target.__onVisible?.();
      });
    }, { root: this.list, threshold: 0.5 });
    node.__onVisible = () => onVisible(item);
    this.observer.observe(node);
  }

  notice(text) {
    this.list.append(el('div', { class: 'chat-event chat-error', 'data-testid': 'notice' }, text));
    this.scrollToBottom();
  }
}
