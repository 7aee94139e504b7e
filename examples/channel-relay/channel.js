// The folder that plays the messaging channel. Inbound: files dropped in inbox/<conversation>/. Outbound:
// outbox/<conversation>/messages.jsonl and files/. Everything here treats the names and bytes it gets as
// untrusted: a remote file name is data, never a path; sizes are checked before reading; types come from the
// bytes, from an allow-list; files are created for the relay's user only.
'use strict';
const fs = require('fs');
const path = require('path');
const { checkConversationName, safeId } = require('./store/names');

/** Amazon Connect's attachment limit; a text message is far smaller. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_TEXT_BYTES = 16 * 1024;

/** Inbound types by leading bytes, each with the extensions it may carry. */
const INBOUND_TYPES = [
  { type: 'image/png', extensions: ['.png'], test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', extensions: ['.jpg', '.jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'application/pdf', extensions: ['.pdf'], test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'audio/ogg; codecs=opus', extensions: ['.ogg', '.opus'], test: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  { type: 'audio/webm; codecs=opus', extensions: ['.webm'], test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  { type: 'audio/wav', extensions: ['.wav'], test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE' },
];

/** Outbound (agent) files: stored under their item's Id with an extension from this list, or .bin. */
const OUTBOUND_EXTENSIONS = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'application/pdf': '.pdf',
  'audio/wav': '.wav',
  'text/plain': '.txt',
};

class InboundRefused extends Error {
  name = 'InboundRefused';
}

class FolderChannel {
  constructor(dataDir) {
    this.inboxRoot = path.join(dataDir, 'inbox');
    this.outboxRoot = path.join(dataDir, 'outbox');
    /** Per conversation, the item Ids already in messages.jsonl (read once per owner). */
    this.written = new Map();
  }

  /** Conversations with inbound files waiting (folder names that are not valid conversation names are skipped). */
  conversationsWithMail() {
    return listNames(this.inboxRoot, (entry) => entry.isDirectory()).filter((name) => isConversationName(name) && this.inbound(name).length > 0);
  }

  /** The waiting inbound files of a conversation, oldest name first. */
  inbound(conversation) {
    return listNames(path.join(this.inboxRoot, checkConversationName(conversation)), (entry) => entry.isFile());
  }

  /**
   * Reads one inbound file as a message: `{ text }` or `{ attachment: { name, type, data } }`. Throws
   * InboundRefused (never worth retrying) for a file that is too big, of a type not allowed, or not what its
   * extension says.
   */
  read(conversation, file) {
    const full = path.join(this.inboxRoot, checkConversationName(conversation), file);
    const stat = fs.lstatSync(full);
    if (!stat.isFile()) throw new InboundRefused(`${file} is not a regular file`);
    const ext = path.extname(file).toLowerCase();
    const limit = ext === '.txt' ? MAX_TEXT_BYTES : MAX_FILE_BYTES;
    if (stat.size > limit) throw new InboundRefused(`${file} is ${stat.size} bytes, over the ${limit}-byte limit`);
    const data = fs.readFileSync(full);
    if (ext === '.txt') return { text: data.toString('utf8').trim() };
    const kind = INBOUND_TYPES.find((candidate) => candidate.test(data));
    if (!kind) throw new InboundRefused(`${file}: its bytes are none of the allowed types (PNG, JPEG, PDF, OGG, WebM, WAV)`);
    if (!kind.extensions.includes(ext)) throw new InboundRefused(`${file}: the bytes are ${kind.type}, the extension says otherwise`);
    return { attachment: { name: file.replace(/^\d+-/, ''), type: kind.type, data } };
  }

  /** Moves a handled inbound file to sent/ or failed/. */
  settle(conversation, file, outcome) {
    const dir = path.join(this.inboxRoot, checkConversationName(conversation));
    fs.mkdirSync(path.join(dir, outcome), { recursive: true, mode: 0o700 });
    fs.renameSync(path.join(dir, file), path.join(dir, outcome, file));
  }

  /** Whether the agent item `itemId` reached the customer already (the channel's own idempotency key). */
  hasDelivered(conversation, itemId) {
    return this.index(conversation).has(itemId);
  }

  /** Delivers one record to the customer, once per item Id. `file` bytes are stored under the Id, never the remote name. */
  deliver(conversation, itemId, record, file) {
    const index = this.index(conversation);
    if (index.has(itemId)) return;
    const outbox = this.outbox(conversation);
    if (file) {
      const ext = OUTBOUND_EXTENSIONS[String(file.type).split(';')[0].trim().toLowerCase()] ?? '.bin';
      const stored = `${safeId(itemId)}-${safeId(file.attachmentId)}${ext}`;
      fs.mkdirSync(path.join(outbox, 'files'), { recursive: true, mode: 0o700 });
      fs.writeFileSync(path.join(outbox, 'files', stored), file.data, { mode: 0o600 });
      record = { ...record, file: stored, name: file.name };
    }
    fs.appendFileSync(path.join(outbox, 'messages.jsonl'), `${JSON.stringify({ id: itemId, ...record })}\n`, { mode: 0o600 });
    index.add(itemId);
  }

  /** An item that could not be delivered after its tries: kept aside with the reason, the chat goes on. */
  park(conversation, itemId, reason) {
    fs.appendFileSync(path.join(this.outbox(conversation), 'parked.jsonl'), `${JSON.stringify({ id: itemId, reason })}\n`, { mode: 0o600 });
  }

  /** Forgets what this instance read (another instance may write meanwhile). */
  forget(conversation) {
    this.written.delete(conversation);
  }

  outbox(conversation) {
    const dir = path.join(this.outboxRoot, checkConversationName(conversation));
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  index(conversation) {
    let ids = this.written.get(conversation);
    if (!ids) {
      ids = new Set();
      const file = path.join(this.outbox(conversation), 'messages.jsonl');
      const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
      for (const line of lines) {
        try {
          const id = JSON.parse(line).id;
          if (id) ids.add(id);
        } catch {
          // a torn last line of a killed writer: that item is written again
        }
      }
      this.written.set(conversation, ids);
    }
    return ids;
  }
}

function isConversationName(name) {
  try {
    checkConversationName(name);
    return true;
  } catch {
    return false;
  }
}

function listNames(dir, keep) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => keep(entry) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

module.exports = { FolderChannel, InboundRefused, MAX_FILE_BYTES };
