// The channel relay's stores (examples/channel-relay/store): leases with fencing on a real redis-server, so a
// stale instance can neither move the position nor end the chat, and the same interface on files.
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { findRedisServer, startRedis, type RedisServer } from '../../support/relay/relayHarness';

// The example is plain JavaScript (CommonJS), loaded as a user's relay loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RedisStore } = require('../../../examples/channel-relay/store/redisStore');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FileStore } = require('../../../examples/channel-relay/store/fileStore');

interface Lease {
  conversation: string;
  owner: string;
  fence: number;
}

const chat = { contactId: 'c-1', participantId: 'p-1', participantToken: 'token-1' };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const redisBinary = findRedisServer();
if (!redisBinary) console.warn('SKIPPING the Redis part of relayStore.test.ts: redis-server is not installed (apt-get install -y redis-server)');
const describeWithRedis = redisBinary ? describe : describe.skip;

describeWithRedis('RedisStore (real redis-server)', () => {
  let server: RedisServer;
  const stores: Array<{ close(): Promise<void> }> = [];
  const open = (leaseMs: number, prefix: string) => {
    const store = new RedisStore(server.url, { leaseMs, prefix });
    stores.push(store);
    return store;
  };
  beforeAll(async () => {
    server = await startRedis(redisBinary as string);
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await server.stop();
  });

  it('grants one lease at a time; a stale holder can neither commit nor end the chat', async () => {
    const a = open(300, 'fence-test:');
    const b = open(300, 'fence-test:');
    const leaseA: Lease = await a.acquire('wa-1', 'a');
    expect(leaseA.fence).toBe(1);
    expect(await b.acquire('wa-1', 'b')).toBeNull();
    expect(await a.saveChat(leaseA, chat)).toBe(true);
    expect(await a.commit(leaseA, 'item-1')).toBe(true);

    await sleep(450); // a's lease lapses (a paused, say), and b takes the conversation
    const leaseB: Lease = await b.acquire('wa-1', 'b');
    expect(leaseB.fence).toBe(2);
    expect(await a.renew(leaseA)).toBe(false);
    expect(await a.commit(leaseA, 'item-2')).toBe(false);
    expect(await a.endChat(leaseA)).toBe(false);
    expect(await a.saveChat(leaseA, { ...chat, contactId: 'c-stale' })).toBe(false);
    expect(await b.load('wa-1')).toMatchObject({ contactId: 'c-1', lastItemId: 'item-1' });

    expect(await b.commit(leaseB, 'item-2')).toBe(true);
    expect(await b.isDone('wa-1', 'item-1')).toBe(true);
    expect(await b.isDone('wa-1', 'item-3')).toBe(false);
    expect(await b.openConversations()).toEqual(['wa-1']);
    expect(await b.endChat(leaseB)).toBe(true);
    expect(await b.load('wa-1')).toBeNull();
    expect(await b.isDone('wa-1', 'item-1')).toBe(false);
    expect(await b.chatNumber('wa-1')).toBe(1);
    expect(await b.openConversations()).toEqual([]);
  });

  it('renews and releases only its own lease', async () => {
    const a = open(5000, 'renew-test:');
    const b = open(5000, 'renew-test:');
    const lease: Lease = await a.acquire('wa-2', 'a');
    expect(await a.acquire('wa-2', 'a')).toEqual(lease); // the holder gets its lease back, same fence
    expect(await b.release({ ...lease, owner: 'b' })).toBeUndefined();
    expect(await b.acquire('wa-2', 'b')).toBeNull();
    await a.release(lease);
    expect((await b.acquire('wa-2', 'b'))?.fence).toBe(2);
  });

  it('refuses a conversation name that is not one plain segment', async () => {
    const a = open(5000, 'names:');
    await expect(a.acquire('../etc', 'a')).rejects.toThrow('conversation name "../etc" must be');
  });
});

describe('FileStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'relay-filestore-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a chat, its position and done Ids in a 0600 file; a later process start fences out the earlier one', async () => {
    const first = new FileStore(dir);
    const lease: Lease = await first.acquire('sms-1', 'one');
    expect(await first.saveChat(lease, chat)).toBe(true);
    expect(await first.commit(lease, 'item-1')).toBe(true);
    expect(statSync(join(dir, 'state', 'sms-1.json')).mode & 0o777).toBe(0o600);
    const second = new FileStore(dir); // the next start of the relay, while the first still runs
    const next: Lease = await second.acquire('sms-1', 'two');
    expect(next.fence).toBe(lease.fence + 1);
    expect(await first.commit(lease, 'item-stale')).toBe(false);
    expect(await first.endChat(lease)).toBe(false);
    expect(await second.load('sms-1')).toMatchObject({ contactId: 'c-1', lastItemId: 'item-1' });
    expect(await second.isDone('sms-1', 'item-1')).toBe(true);
    expect(await second.endChat(next)).toBe(true);
    expect(await second.load('sms-1')).toBeNull();
    expect(await second.chatNumber('sms-1')).toBe(1);
    expect(() => second.file('../x')).toThrow('must be');
  });
});
