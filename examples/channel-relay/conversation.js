// One conversation while this instance owns it (holds its lease): its customer chat session, the inbound files
// it forwards, and the agent items it delivers to the channel, one at a time, each recorded in the store only
// after it was delivered. Losing the lease (the store refuses a fenced write) closes the session at once.
'use strict';
const { startToken } = require('./store/names');

const ITEM_TRIES = 4;
const INBOUND_TRIES = 5;
const backoffMs = (attempt) => Math.min(250 * 2 ** (attempt - 1), 4000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const CHAT_ENDED = 'application/vnd.amazonaws.connect.event.chat.ended';

class Conversation {
  /**
   * @param {object} o
   * @param {string} o.name
   * @param {object} o.lease    the store's lease ({ conversation, owner, fence })
   * @param {object} o.store    see store/index.js
   * @param {object} o.channel  the FolderChannel
   * @param {object} o.sdk      the SDK's exports
   * @param {(name: string, clientToken: string) => Promise<object>} o.startChat
   * @param {(line: string) => void} o.log
   */
  constructor({ name, lease, store, channel, sdk, startChat, log }) {
    Object.assign(this, { name, lease, store, channel, sdk, startChat });
    this.log = (line) => log(`[${name}] ${line}`);
    this.session = null;
    this.closed = false;
    /** Inbound files that failed for a reason worth retrying: name → { tries, notBefore }. */
    this.inboundRetries = new Map();
    this.handling = Promise.resolve();
  }

  /** Connects the stored chat (resuming after the last item handled), starting one when there is none. */
  async open() {
    let chat = await this.store.load(this.name);
    if (!chat) {
      // Every instance names the n-th chat of a conversation alike, so two starts give one chat.
      const token = startToken(this.name, await this.store.chatNumber(this.name));
      chat = { ...(await this.startChat(this.name, token)), lastItemId: null };
      if (!(await this.store.saveChat(this.lease, chat))) return this.lost('saving the new chat');
      this.log(`started chat ${chat.contactId}`);
    }
    await this.connect(chat);
  }

  async connect(chat) {
    const { contactId, participantId, participantToken, lastItemId } = chat;
    const session = this.sdk.ChatSession.create({ type: 'CUSTOMER', chatDetails: { contactId, participantId, participantToken }, disableCSM: true });
    const items = session.items();
    this.session = session;
    try {
      await session.connect(lastItemId ? { resumeAfterItemId: lastItemId } : {});
    } catch (error) {
      if (error.name === 'ChatEnded') return this.end();
      if (error.name !== 'UnknownResumeItem') throw error;
      // The stored position is not an item of this chat: only new items can be delivered from here.
      this.log(`stored position ${lastItemId} unknown to the service; continuing with new items only`);
      await session.connect();
    }
    this.log(lastItemId ? `connected, resuming after item ${lastItemId}` : 'connected, resuming from the start');
    this.handling = this.handleItems(items, lastItemId ? [] : await this.transcriptFromStart());
  }

  /**
   * A chat with no recorded position has its transcript from the start handled first. That holds for a chat
   * just started here too: what the agent or a flow wrote before the websocket subscribed never comes over it,
   * and recording a later item would move the position past it for good. Items handled before, and the live
   * ones the transcript also holds, are skipped by Id (in the store and the channel).
   */
  async transcriptFromStart() {
    const items = [];
    let nextToken;
    do {
      const { data } = await this.session.getTranscript({ scanDirection: 'FORWARD', sortOrder: 'ASCENDING', maxResults: 100, nextToken });
      items.push(...(data.Transcript ?? []));
      nextToken = data.NextToken;
    } while (nextToken && items.length < 10_000);
    return items;
  }

  /** The agent's items, one at a time: deliver to the channel, then record; retried, then parked. */
  async handleItems(items, earlier) {
    for (const item of earlier) {
      if (this.closed) return;
      if (item.ContentType === CHAT_ENDED) return this.end();
      if (!(await this.handleWithRetries(item))) return;
    }
    for await (const item of items) {
      if (this.closed) break;
      if (item.ContentType === CHAT_ENDED) return this.end();
      if (!(await this.handleWithRetries(item))) return;
    }
  }

  /** False when the lease was lost (the session is closed then). */
  async handleWithRetries(item) {
    const fromAgent = item.ParticipantRole === 'AGENT' && (item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT');
    if (fromAgent && !(await this.store.isDone(this.name, item.Id))) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.deliver(item);
          break;
        } catch (error) {
          if (this.closed) return false;
          if (attempt >= ITEM_TRIES) {
            this.channel.park(this.name, item.Id, error.message);
            this.log(`parked item ${item.Id} after ${attempt} tries: ${error.message}`);
            break;
          }
          await sleep(backoffMs(attempt));
        }
      }
    }
    if (await this.store.commit(this.lease, item.Id)) return true;
    this.lost(`recording item ${item.Id}`);
    return false;
  }

  async deliver(item) {
    const from = item.DisplayName;
    if (item.Type === 'MESSAGE') return this.channel.deliver(this.name, item.Id, { from, text: item.Content });
    for (const attachment of item.Attachments ?? []) {
      const blob = await this.session.downloadAttachment({ attachmentId: attachment.AttachmentId });
      const data = Buffer.from(await blob.arrayBuffer());
      const file = { attachmentId: attachment.AttachmentId, name: attachment.AttachmentName, type: attachment.ContentType, data };
      this.channel.deliver(this.name, item.Id, { from }, file);
    }
  }

  /** Sends what waits in the inbox, oldest first; a refused file goes to failed/, a failing one is retried with backoff. */
  async forwardInbox() {
    for (const file of this.channel.inbound(this.name)) {
      if (this.closed || !this.session) return;
      const retry = this.inboundRetries.get(file);
      if (retry && retry.notBefore > Date.now()) return; // keep the order: later files wait for this one
      try {
        const message = this.channel.read(this.name, file);
        if (message.text !== undefined) await this.session.sendMessage({ message: message.text });
        else await this.session.sendAttachment({ attachment: message.attachment });
        this.channel.settle(this.name, file, 'sent');
        this.inboundRetries.delete(file);
        this.log(`forwarded ${file}`);
      } catch (error) {
        if (this.closed) return;
        const tries = (retry?.tries ?? 0) + 1;
        const permanent = error.name === 'InboundRefused' || error.name === 'IllegalArgument' || error instanceof this.sdk.IllegalArgumentException;
        if (permanent || tries >= INBOUND_TRIES) {
          this.channel.settle(this.name, file, 'failed');
          this.inboundRetries.delete(file);
          this.log(`could not forward ${file}, moved to failed/: ${error.message}`);
          continue;
        }
        this.inboundRetries.set(file, { tries, notBefore: Date.now() + backoffMs(tries) });
        this.log(`could not forward ${file} (try ${tries}), retrying: ${error.message}`);
        return;
      }
    }
  }

  /** The chat ended: the outbox says so, the store forgets the chat; the next inbound file starts a new one. */
  async end() {
    if (this.closed) return;
    this.channel.deliver(this.name, `ended-${this.session?.getChatDetails().contactId}`, { ended: true });
    if (!(await this.store.endChat(this.lease))) return this.lost('ending the chat');
    this.log('chat ended');
    this.close();
  }

  lost(doing) {
    this.log(`lost the lease while ${doing}; another instance has the conversation`);
    this.close();
  }

  /** Lets go of the chat (it goes on): another instance, or this one later, resumes it. */
  close() {
    if (this.closed) return;
    this.closed = true;
    this.session?.close();
    this.channel.forget(this.name);
  }
}

module.exports = { Conversation };
