// The relay's store: where each conversation's chat lives, who owns it, and how far it was forwarded.
//
//   acquire(conversation, owner)   → lease { conversation, owner, fence } | null (another instance owns it)
//   renew(lease) / release(lease)  → keep or give up ownership (renew false: lost it, stop at once)
//   load(conversation)             → { contactId, participantId, participantToken, lastItemId } | null
//   chatNumber(conversation)       → chats this conversation had before (StartChatContact's ClientToken)
//   saveChat(lease, chat)          → false when the lease is stale            (fenced)
//   isDone(conversation, itemId)   → the item was forwarded already          (dedupe)
//   commit(lease, itemId)          → the position moves to itemId; false when the lease is stale (fenced)
//   endChat(lease)                 → the chat's state is removed                (fenced)
//   openConversations()            → conversations with an open chat (what a take-over scan looks at)
//   close()
//
// files (one process, the default) or redis://host:port (several instances).
'use strict';
const { FileStore } = require('./fileStore');

function openStore(spec, dataDir, options = {}) {
  if (!spec || spec === 'files') return new FileStore(dataDir);
  if (/^rediss?:\/\//.test(spec)) {
    const { RedisStore } = require('./redisStore');
    return new RedisStore(spec, options);
  }
  throw new Error(`--store must be "files" or a redis:// URL, not ${JSON.stringify(spec)}`);
}

module.exports = { openStore };
