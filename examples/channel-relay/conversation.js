// One conversation of the relay: one customer chat session on Amazon Connect (here: the emulator), fed from
// the conversation's inbox folder and writing what the agent sends to its outbox folder. Its state file keeps
// what a restart needs: the participant token and the Id of the last item handled.
'use strict';
const fs = require('fs');
const path = require('path');

/** Types of the files a channel delivers; anything else goes up with its extension deciding. */
const MIME_TYPES = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.ogg': 'audio/ogg; codecs=opus', // voice notes: the SDK turns them into WAV before upload
  '.opus': 'audio/ogg; codecs=opus',
  '.webm': 'audio/webm; codecs=opus',
};

class Conversation {
  /**
   * @param {object} options
   * @param {string} options.name  the channel's conversation id (a folder name)
   * @param {string} options.dataDir
   * @param {object} options.sdk   the SDK's exports ({ ChatSession })
   * @param {(name: string) => Promise<{ contactId: string, participantId: string, participantToken: string }>} options.startChat
   * @param {(line: string) => void} options.log
   */
  constructor({ name, dataDir, sdk, startChat, log }) {
    this.name = name;
    this.sdk = sdk;
    this.startChat = startChat;
    this.log = (line) => log(`[${name}] ${line}`);
    this.inbox = path.join(dataDir, 'inbox', name);
    this.outbox = path.join(dataDir, 'outbox', name);
    this.stateFile = path.join(dataDir, 'state', `${name}.json`);
    this.state = readJson(this.stateFile);
    this.session = null;
    /** Incoming items are handled one after another, so the stored Id always follows the files written. */
    this.incoming = Promise.resolve();
    this.ended = this.state?.ended === true;
  }

  /** Starts a chat (first message) or reconnects to the stored one (restart), resuming after the last item handled. */
  async open() {
    if (this.session) return;
    if (!this.state) {
      this.state = { ...(await this.startChat(this.name)), lastItemId: null };
      this.saveState();
      this.log(`started chat ${this.state.contactId}`);
    }
    const { contactId, participantId, participantToken, lastItemId } = this.state;
    const session = this.sdk.ChatSession.create({ type: 'CUSTOMER', chatDetails: { contactId, participantId, participantToken } });
    session.onMessage((event) => this.queueIncoming(event.data));
    session.onConnectionLost(() => this.log('link lost; the SDK reconnects and fetches what was missed'));
    session.onEnded(() => this.queueIncoming(null));
    this.session = session;
    await session.connect(lastItemId ? { resumeAfterItemId: lastItemId } : {});
    this.log(lastItemId ? `reconnected, resuming after item ${lastItemId}` : 'connected');
  }

  /** Sends every file waiting in the inbox, oldest name first; a file is moved to inbox/sent once sent. */
  async forwardInbox() {
    const files = listFiles(this.inbox);
    if (files.length > 0 && this.ended) this.startOver();
    for (const file of files) {
      await this.open();
      await this.forward(file);
    }
  }

  async forward(file) {
    const from = path.join(this.inbox, file);
    const ext = path.extname(file).toLowerCase();
    try {
      if (ext === '.txt') {
        await this.session.sendMessage({ message: fs.readFileSync(from, 'utf8').trim() });
      } else {
        const data = fs.readFileSync(from);
        await this.session.sendAttachment({ attachment: { name: file.replace(/^\d+-/, ''), type: MIME_TYPES[ext] ?? '', data } });
      }
      moveInto(from, path.join(this.inbox, 'sent'));
      this.log(`forwarded ${file}`);
    } catch (error) {
      // A file the service can never take (type, size) is set aside; anything else is tried again later.
      if (error && error.name === 'IllegalArgument') moveInto(from, path.join(this.inbox, 'failed'));
      this.log(`could not forward ${file}: ${error.message}`);
    }
  }

  queueIncoming(item) {
    this.incoming = this.incoming.then(() => this.handle(item)).catch((error) => this.log(`failed to handle an item: ${error.message}`));
  }

  /** Writes an agent's message or file to the outbox, then records the item as handled. */
  async handle(item) {
    if (item === null) return this.end();
    const fromAgent = item.ParticipantRole !== 'CUSTOMER' && item.ParticipantRole !== 'SYSTEM';
    if (fromAgent && item.Type === 'MESSAGE') {
      this.writeOut({ id: item.Id, from: item.DisplayName, text: item.Content });
    } else if (fromAgent && item.Type === 'ATTACHMENT') {
      for (const attachment of item.Attachments ?? []) {
        const blob = await this.session.downloadAttachment({ attachmentId: attachment.AttachmentId });
        const file = `${item.Id}-${attachment.AttachmentName}`;
        fs.mkdirSync(path.join(this.outbox, 'files'), { recursive: true });
        fs.writeFileSync(path.join(this.outbox, 'files', file), Buffer.from(await blob.arrayBuffer()));
        this.writeOut({ id: item.Id, from: item.DisplayName, file });
      }
    }
    this.state.lastItemId = item.Id;
    this.saveState();
  }

  /** The chat ended and the customer writes again: keep the old state aside and start a new chat. */
  startOver() {
    moveInto(this.stateFile, path.join(path.dirname(this.stateFile), 'ended'), `${this.name}-${this.state.contactId}.json`);
    this.state = null;
    this.session = null;
    this.ended = false;
  }

  end() {
    this.ended = true;
    this.state.ended = true;
    this.saveState();
    this.writeOut({ ended: true });
    this.log('chat ended');
  }

  /** One line per message the channel would deliver to the customer. */
  writeOut(record) {
    fs.mkdirSync(this.outbox, { recursive: true });
    fs.appendFileSync(path.join(this.outbox, 'messages.jsonl'), `${JSON.stringify(record)}\n`);
  }

  saveState() {
    fs.mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const temporary = `${this.stateFile}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.state, null, 2));
    fs.renameSync(temporary, this.stateFile); // never a half-written state file
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

function moveInto(file, dir, name = path.basename(file)) {
  fs.mkdirSync(dir, { recursive: true });
  fs.renameSync(file, path.join(dir, name));
}

module.exports = { Conversation, listFiles };
