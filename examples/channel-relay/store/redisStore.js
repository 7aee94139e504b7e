// The relay's store for several instances: one Redis shared by all of them (ioredis). Per conversation:
//   <prefix>conv:<name>   hash  contactId, participantId, participantToken, lastItemId   (the open chat)
//   <prefix>done:<name>   set   Ids of the items already forwarded to the channel            (dedupe)
//   <prefix>lease:<name>  string "<owner>|<fence>", expiring after the lease time            (ownership)
//   <prefix>fence:<name>  counter, one more for every lease granted                          (fencing)
//   <prefix>chats:<name>  counter of chats ended (names StartChatContact's ClientToken)
//   <prefix>open          set of conversations with an open chat                             (take-over scan)
// Every write of a conversation's state runs as one Lua script that first checks the writer's fence is the
// newest one granted: an instance that lost its lease (paused, partitioned) can no longer move the position.
'use strict';
const Redis = require('ioredis');
const { checkConversationName } = require('./names');

const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current then
  local owner, fence = string.match(current, '^(.*)|(%d+)$')
  if owner == ARGV[1] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return tonumber(fence)
  end
  return -1
end
local fence = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. fence, 'PX', ARGV[2])
return fence`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

// KEYS: fence, conv, open; ARGV: fence, conversation, then field/value pairs.
const SAVE_CHAT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 3))
redis.call('SADD', KEYS[3], ARGV[2])
return 1`;

// KEYS: fence, conv, done; ARGV: fence, itemId.
const COMMIT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], 'lastItemId', ARGV[2])
redis.call('SADD', KEYS[3], ARGV[2])
return 1`;

// KEYS: fence, conv, done, chats, open; ARGV: fence, conversation.
const END_CHAT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('INCR', KEYS[4])
redis.call('SREM', KEYS[5], ARGV[2])
return 1`;

class RedisStore {
  /** @param {string} url redis://host:port  @param {{ prefix?: string, leaseMs?: number }} options */
  constructor(url, { prefix = 'relay:', leaseMs = 5000 } = {}) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.prefix = prefix;
    this.leaseMs = leaseMs;
  }

  key(kind, conversation) {
    return `${this.prefix}${kind}:${checkConversationName(conversation)}`;
  }

  /** A lease on the conversation for `owner`, or null when another instance holds it. */
  async acquire(conversation, owner) {
    const fence = Number(await this.redis.eval(ACQUIRE, 2, this.key('lease', conversation), this.key('fence', conversation), owner, this.leaseMs));
    return fence > 0 ? { conversation, owner, fence } : null;
  }

  async renew(lease) {
    return Number(await this.redis.eval(RENEW, 1, this.key('lease', lease.conversation), `${lease.owner}|${lease.fence}`, this.leaseMs)) === 1;
  }

  async release(lease) {
    await this.redis.eval(RELEASE, 1, this.key('lease', lease.conversation), `${lease.owner}|${lease.fence}`);
  }

  async load(conversation) {
    const chat = await this.redis.hgetall(this.key('conv', conversation));
    if (!chat.contactId) return null;
    return { ...chat, lastItemId: chat.lastItemId || null };
  }

  async chatNumber(conversation) {
    return Number((await this.redis.get(this.key('chats', conversation))) ?? 0);
  }

  async saveChat(lease, chat) {
    const { contactId, participantId, participantToken } = chat;
    const fields = ['contactId', contactId, 'participantId', participantId, 'participantToken', participantToken, 'lastItemId', ''];
    const keys = [this.key('fence', lease.conversation), this.key('conv', lease.conversation), `${this.prefix}open`];
    return Number(await this.redis.eval(SAVE_CHAT, keys.length, ...keys, lease.fence, lease.conversation, ...fields)) === 1;
  }

  async isDone(conversation, itemId) {
    return (await this.redis.sismember(this.key('done', conversation), itemId)) === 1;
  }

  async commit(lease, itemId) {
    const keys = [this.key('fence', lease.conversation), this.key('conv', lease.conversation), this.key('done', lease.conversation)];
    return Number(await this.redis.eval(COMMIT, keys.length, ...keys, lease.fence, itemId)) === 1;
  }

  async endChat(lease) {
    const c = lease.conversation;
    const keys = [this.key('fence', c), this.key('conv', c), this.key('done', c), this.key('chats', c), `${this.prefix}open`];
    return Number(await this.redis.eval(END_CHAT, keys.length, ...keys, lease.fence, c)) === 1;
  }

  async openConversations() {
    return this.redis.smembers(`${this.prefix}open`);
  }

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

module.exports = { RedisStore };
