// The relay's store for one process: one JSON file per conversation under <data>/state, written atomically
// (a temporary file, then rename) and readable by the relay's user only (0600). Leases are trivially granted
// to the one process, but carry a fence that grows with every process start (an older process still running
// on the same folder can then no longer write), so the interface is the same as
// the Redis store's (redisStore.js) and a conversation handler never knows which one it talks to.
'use strict';
const fs = require('fs');
const path = require('path');
const { checkConversationName } = require('./names');

class FileStore {
  constructor(dataDir) {
    this.dir = path.join(dataDir, 'state');
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const fenceFile = path.join(this.dir, '.fence');
    this.fence = (Number(readJson(fenceFile)?.fence) || 0) + 1;
    writeJsonAtomic(fenceFile, { fence: this.fence });
    /** Conversations leased in this process: name → owner. */
    this.leases = new Map();
  }

  async acquire(conversation, owner) {
    checkConversationName(conversation);
    const holder = this.leases.get(conversation);
    if (holder !== undefined && holder !== owner) return null;
    this.leases.set(conversation, owner);
    return { conversation, owner, fence: this.fence };
  }

  async renew(lease) {
    return this.leases.get(lease.conversation) === lease.owner;
  }

  async release(lease) {
    if (this.leases.get(lease.conversation) === lease.owner) this.leases.delete(lease.conversation);
  }

  async load(conversation) {
    return readJson(this.file(conversation))?.chat ?? null;
  }

  /** How many chats this conversation had before (names StartChatContact's ClientToken). */
  async chatNumber(conversation) {
    return readJson(this.file(conversation))?.chatNumber ?? readJson(this.endedFile(conversation))?.chatNumber ?? 0;
  }

  async saveChat(lease, chat) {
    if (!this.holds(lease)) return false;
    const record = readJson(this.file(lease.conversation)) ?? { chatNumber: await this.chatNumber(lease.conversation), done: [] };
    writeJsonAtomic(this.file(lease.conversation), { ...record, chat: { ...chat, lastItemId: null } });
    return true;
  }

  async isDone(conversation, itemId) {
    return (readJson(this.file(conversation))?.done ?? []).includes(itemId);
  }

  /** Records `itemId` as handled: the resume position moves to it. False when the lease is stale. */
  async commit(lease, itemId) {
    if (!this.holds(lease)) return false;
    const record = readJson(this.file(lease.conversation));
    if (!record?.chat) return false;
    const done = [...(record.done ?? []), itemId].slice(-1000);
    writeJsonAtomic(this.file(lease.conversation), { ...record, done, chat: { ...record.chat, lastItemId: itemId } });
    return true;
  }

  /** The chat ended: its state is removed; only the count of chats stays (for the next ClientToken). */
  async endChat(lease) {
    if (!this.holds(lease)) return false;
    const chatNumber = (await this.chatNumber(lease.conversation)) + 1;
    fs.rmSync(this.file(lease.conversation), { force: true });
    writeJsonAtomic(this.endedFile(lease.conversation), { chatNumber });
    return true;
  }

  /** Conversations with an open chat. */
  async openConversations() {
    return fs
      .readdirSync(this.dir)
      .filter((file) => file.endsWith('.json') && !file.startsWith('.'))
      .map((file) => decodeURIComponent(path.basename(file, '.json')));
  }

  async close() {}

  /** Ours, and no later process started on this folder since (its fence would be newer). */
  holds(lease) {
    const newest = Number(readJson(path.join(this.dir, '.fence'))?.fence) || 0;
    return this.leases.get(lease.conversation) === lease.owner && lease.fence === this.fence && newest === this.fence;
  }

  file(conversation) {
    return path.join(this.dir, `${encodeURIComponent(checkConversationName(conversation))}.json`);
  }

  endedFile(conversation) {
    return path.join(this.dir, `.${encodeURIComponent(checkConversationName(conversation))}.ended`);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function writeJsonAtomic(file, value) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(value), { mode: 0o600 });
  fs.renameSync(temporary, file); // never a half-written state file
}

module.exports = { FileStore };
