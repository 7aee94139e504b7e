// When a relay test times out, what decides the cause: how far the channel got, where the store says the
// relay is, what the emulator holds after that position, which Participant calls the relays made (and what
// they were answered), the chat's sockets, and the tail of each relay's log.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { TestEmulator } from '../emulator/testEmulator';
import { readOutbox, type RelayProcess } from './relayHarness';

export interface StallScene {
  emulator: TestEmulator;
  dataDir: string;
  conversation: string;
  contactId: string;
  /** The relay's customer participant (its calls are the ones listed). */
  participantId: string;
  relays: RelayProcess[];
}

interface TranscriptItem {
  Id?: string;
  Type?: string;
  ContentType?: string;
  ParticipantRole?: string;
  Content?: string;
  AbsoluteTime?: string;
}

const LOG_TAIL_LINES = 25;

/** A report of the facts above; never throws (a failing part says so and the others still print). */
export async function describeRelayStall(scene: StallScene): Promise<string> {
  const parts = await Promise.all([channelPart(scene), statePart(scene), transcriptPart(scene), requestsPart(scene), socketsPart(scene)]);
  return [...parts, relayLogsPart(scene.relays)].join('\n');
}

async function safely(title: string, build: () => string | Promise<string>): Promise<string> {
  try {
    return `=== ${title} ===\n${await build()}`;
  } catch (error) {
    return `=== ${title} === (could not read: ${error instanceof Error ? error.message : String(error)})`;
  }
}

function channelPart({ dataDir, conversation }: StallScene): Promise<string> {
  return safely('channel outbox', () => {
    const records = readOutbox(dataDir, conversation);
    const texts = records.filter((record) => record.text !== undefined);
    const last = records.slice(-3).map((record) => `  ${record.id} ${record.text ?? (record.ended ? '(ended)' : record.file)}`);
    return [`${records.length} records, ${texts.length} texts; the last:`, ...last].join('\n');
  });
}

function statePart({ dataDir, conversation }: StallScene): Promise<string> {
  return safely('relay store (files)', () => {
    const dir = join(dataDir, 'state');
    const file = join(dir, `${encodeURIComponent(conversation)}.json`);
    const state = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { done?: string[]; chat?: { lastItemId?: string | null } }) : null;
    const fence = existsSync(join(dir, '.fence')) ? readFileSync(join(dir, '.fence'), 'utf8') : '(none)';
    return [
      `files: ${readdirSync(dir).join(', ')}`,
      `fence: ${fence}`,
      state ? `lastItemId: ${state.chat?.lastItemId ?? null}, done: ${state.done?.length ?? 0} item ids` : 'no state file',
    ].join('\n');
  });
}

/** The saved position of the conversation, or null. */
function savedPosition({ dataDir, conversation }: StallScene): string | null {
  try {
    const file = join(dataDir, 'state', `${encodeURIComponent(conversation)}.json`);
    return (JSON.parse(readFileSync(file, 'utf8')) as { chat?: { lastItemId?: string | null } }).chat?.lastItemId ?? null;
  } catch {
    return null;
  }
}

function transcriptPart(scene: StallScene): Promise<string> {
  return safely('emulator transcript after the saved position', async () => {
    const { items } = (await scene.emulator.control('GET', `/emulator/contacts/${scene.contactId}/transcript`)).body as { items: TranscriptItem[] };
    const position = savedPosition(scene);
    const at = position ? items.findIndex((item) => item.Id === position) : -1;
    const after = items.slice(at + 1);
    const agentTexts = after.filter((item) => item.ParticipantRole === 'AGENT' && item.Type === 'MESSAGE').map((item) => item.Content);
    return [
      `${items.length} items in all; the saved position ${position ?? '(none)'} is ${at < 0 ? 'not among them' : `item ${at + 1}`}`,
      `${after.length} after it, ${agentTexts.length} agent messages: ${agentTexts.slice(0, 5).join(' | ')}${agentTexts.length > 5 ? ' …' : ''}`,
    ].join('\n');
  });
}

function requestsPart(scene: StallScene): Promise<string> {
  return safely('the relay participant\'s Participant API calls (newest last)', async () => {
    const { requests } = (await scene.emulator.control('GET', `/emulator/requests?contactId=${scene.contactId}`)).body as {
      requests: Array<{ at: string; operation: string; status: number; participantId?: string }>;
    };
    const ours = requests.filter((request) => request.participantId === scene.participantId);
    return ours
      .slice(-20)
      .map((request) => `  ${request.at} ${request.operation} ${request.status}`)
      .join('\n');
  });
}

function socketsPart(scene: StallScene): Promise<string> {
  return safely('sockets of the chat', async () => JSON.stringify((await scene.emulator.control('GET', `/emulator/sockets?contactId=${scene.contactId}`)).body));
}

function relayLogsPart(relays: RelayProcess[]): string {
  return relays
    .map((relay, n) => {
      const lines = relay.output().split('\n');
      const state = relay.child.exitCode === null && relay.child.signalCode === null ? 'running' : `exited (${relay.child.signalCode ?? relay.child.exitCode})`;
      return `=== relay ${n}, ${state}, last ${LOG_TAIL_LINES} lines ===\n${lines.slice(-LOG_TAIL_LINES).join('\n')}`;
    })
    .join('\n');
}
