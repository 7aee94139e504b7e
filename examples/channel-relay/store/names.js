// Names that come from outside (a channel's conversation ids, the service's item ids) become keys and file
// names only after this check: one path segment of plain characters, never `.`/`..` or a hidden name.
'use strict';
const crypto = require('crypto');

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._+@-]{0,127}$/;

function checkConversationName(name) {
  if (typeof name !== 'string' || !SAFE.test(name)) {
    throw new Error(`conversation name ${JSON.stringify(name)} must be 1-128 letters, digits or . _ + @ - (not starting with a dot)`);
  }
  return name;
}

/** A file-name-safe form of a service id: itself when plain, else a hash of it. */
function safeId(id) {
  return typeof id === 'string' && SAFE.test(id) && !id.includes('..') ? id : crypto.createHash('sha256').update(String(id)).digest('hex').slice(0, 32);
}

/** StartChatContact's ClientToken for the n-th chat of a conversation: every instance computes the same one. */
function startToken(conversation, chatNumber) {
  return crypto.createHash('sha256').update(`${conversation}#${chatNumber}`).digest('hex').slice(0, 64);
}

module.exports = { checkConversationName, safeId, startToken };
