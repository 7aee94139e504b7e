// Several tabs of one browser profile on ONE chat, in one Node process, against the real emulator: each tab
// is a real SDK session (real Participant client over HTTP, real websocket manager) whose page globals are
// fakes shared between the tabs (fakeTabs.ts: BroadcastChannel hub, Web Locks, sessionStorage), found by the
// SDK's own detectTabEnvironment. The emulator's facts are the judge: the websockets it saw for the
// participant (GET /emulator/sockets) and the transcript it stored.
import { ChatSession } from '../../../src/index';
import { normalizeCreateArgs } from '../../../src/session/args/chatArgs';
import { ChatCore } from '../../../src/session/core/chatCore';
import { defaultCoreDeps } from '../../../src/session/core/coreDeps';
import { CustomerChatSession } from '../../../src/session/customerChatSession';
import { detectTabEnvironment } from '../../../src/session/tabs/tabEnvironment';
// The chat's lock has the channel's name.
import { chatChannelName } from '../../../src/session/tabs/tabMessages';
import type { ChatTabOptions } from '../../../src/types';
import { startTestEmulator, type ChatParticipant, type TestEmulator } from '../emulator/testEmulator';
import { MessageLog } from '../sdk/sdkWorld';
import { FakeBroadcastHub, FakeLockManager, FakeStorage, fakeTabScope, type StorageSetting } from './fakeTabs';

export interface EmulatorTab {
  name: string;
  session: CustomerChatSession;
  core: ChatCore;
  /** Every item the tab's onMessage saw. */
  log: MessageLog;
  /** The tab's warning and error lines. */
  warnings: string[];
  storage: FakeStorage;
}

export interface SocketCount {
  /** The participant's websockets open now. */
  open: number;
  /** The participant's websockets opened since the chat started. */
  opened: number;
}


export class EmulatorTabs {
  readonly channels = new FakeBroadcastHub();
  readonly locks: FakeLockManager | null;
  readonly tabs: EmulatorTab[] = [];
  private readonly closed = new Set<EmulatorTab>();

  private constructor(
    readonly emulator: TestEmulator,
    readonly chat: { contactId: string; participantId: string; participantToken: string },
    readonly agent: ChatParticipant,
    options: { locks: boolean },
  ) {
    this.locks = options.locks ? new FakeLockManager() : null;
  }

  /** An emulator, a chat with an agent in it, and no tab yet. `locks: false`: a browser without Web Locks. */
  static async start(options: { locks?: boolean } = {}): Promise<EmulatorTabs> {
    const emulator = await startTestEmulator();
    ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url });
    const started = await emulator.startChat();
    const chat = { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
    const agent = await emulator.agent(chat.contactId, 'Sam');
    return new EmulatorTabs(emulator, chat, agent, { locks: options.locks ?? true });
  }

  /** Opens a tab and creates its customer session for the chat (not connected). */
  open(name: string, options: { storage?: StorageSetting; tabs?: ChatTabOptions } = {}): EmulatorTab {
    const storage = new FakeStorage();
    const scope = fakeTabScope(name, this.channels, this.locks, storage, options.storage);
    const warnings: string[] = [];
    const args = normalizeCreateArgs({ type: 'CUSTOMER', chatDetails: this.chat, disableCSM: true, tabs: options.tabs ?? {} });
    const line = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
    const core = new ChatCore(args, {
      ...defaultCoreDeps(args),
      logger: {
        debug: () => undefined,
        info: () => undefined,
        advancedLog: () => undefined,
        warn: (...parts: unknown[]) => warnings.push(line(parts)),
        error: (...parts: unknown[]) => warnings.push(line(parts)),
      },
      tabEnvironment: () => detectTabEnvironment(scope as never),
    });
    const session = new CustomerChatSession(core);
    const tab = { name, session, core, log: new MessageLog(session), warnings, storage };
    this.tabs.push(tab);
    return tab;
  }

  /** The tab holding the chat's Web Lock (the one that holds the websocket). */
  holder(): EmulatorTab {
    const name = this.locks?.holderOf(chatChannelName(this.chat.contactId, this.chat.participantId));
    const tab = this.tabs.find((candidate) => candidate.name === name);
    if (!tab) throw new Error(`no tab holds the chat lock (${String(name)})`);
    return tab;
  }

  /** The page went away: its channel stops first (no goodbye), then the browser frees its lock and its socket. */
  close(tab: EmulatorTab, between: () => Promise<void> = async () => undefined): Promise<void> {
    this.channels.closeTab(tab.name);
    return between().then(() => {
      this.locks?.closeTab(tab.name);
      tab.core.close();
      this.closed.add(tab);
    });
  }

  /** The customer's websockets, as the emulator counts them (open now, opened since the start). */
  async sockets(): Promise<SocketCount> {
    const { contactId, participantId } = this.chat;
    const report = (await this.emulator.control('GET', `/emulator/sockets?contactId=${contactId}`)).body as {
      open: { participantId: string }[];
      opened: { participantId: string; count: number }[];
    };
    return {
      open: report.open.filter((socket) => socket.participantId === participantId).length,
      opened: report.opened.find((entry) => entry.participantId === participantId)?.count ?? 0,
    };
  }

  /** The agent sends a message (control API: stored, then pushed to the sockets). */
  async agentSays(content: string): Promise<void> {
    const answer = await this.emulator.control('POST', `/emulator/contacts/${this.chat.contactId}/messages`, { participantId: this.agent.participantId, content });
    if (answer.status !== 200) throw new Error(`agent message refused: ${answer.status}`);
  }

  /** How many times the service stored a message with this content. */
  async storedTimes(content: string): Promise<number> {
    const { items } = (await this.emulator.control('GET', `/emulator/contacts/${this.chat.contactId}/transcript`)).body as { items: { Type: string; Content?: string }[] };
    return items.filter((item) => item.Type === 'MESSAGE' && item.Content === content).length;
  }

  /** Every session still open lets go of the chat (socket, timers), then the emulator stops. */
  async stop(): Promise<void> {
    await this.emulator.control('DELETE', '/emulator/faults');
    for (const tab of this.tabs) if (!this.closed.has(tab)) tab.core.close();
    await this.emulator.close();
  }
}

/** The agent's messages a tab showed, in order. */
export const agentTexts = (tab: EmulatorTab): string[] => tab.log.texts('AGENT');

/** Waits until the tab showed `texts` from the agent (as its last ones). */
export function untilAgentSaid(tab: EmulatorTab, ...texts: string[]): Promise<void> {
  const last = texts[texts.length - 1];
  return tab.log.until(() => agentTexts(tab).includes(last), 15_000, `${tab.name}: "${last}"`);
}
