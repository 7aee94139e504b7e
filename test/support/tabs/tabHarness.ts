// Several tabs of one browser profile running a customer session for the same chat, over fakes: each tab
// has its own Participant client fake and websocket manager fakes, and they share a fake BroadcastChannel
// hub and (unless `locks: false`) a fake Web Locks manager.
import { normalizeCreateArgs } from '../../../src/session/args/chatArgs';
import { ChatCore } from '../../../src/session/core/chatCore';
import type { ChatCoreDeps } from '../../../src/session/core/coreDeps';
import { CustomerChatSession } from '../../../src/session/customerChatSession';
import type { TabEnvironment } from '../../../src/session/tabs/tabEnvironment';
import type { ChatTabOptions, ChatTranscriptItem } from '../../../src/types';
import { CUSTOMER_DETAILS, fakeClient, FakeManager, flush, type FakeClient } from '../fakes/sessionHarness';
import { FakeBroadcastHub, FakeLockManager, FakeStorage } from './fakeTabs';

export interface FakeTab {
  name: string;
  session: CustomerChatSession;
  core: ChatCore;
  client: FakeClient;
  managers: FakeManager[];
  storage: FakeStorage;
  /** Every onMessage payload's item, in order. */
  received: ChatTranscriptItem[];
  warnings: string[];
}

export class FakeBrowser {
  readonly channels = new FakeBroadcastHub();
  readonly locks: FakeLockManager | null;
  readonly tabs: FakeTab[] = [];

  constructor(options: { locks?: boolean } = {}) {
    this.locks = options.locks === false ? null : new FakeLockManager();
  }

  /** Opens a tab and creates its session (not connected). `storage` carries a tab's sessionStorage over a reload. */
  open(name: string, tabs: ChatTabOptions = {}, storage = new FakeStorage()): FakeTab {
    const client = fakeClient();
    const managers: FakeManager[] = [];
    const warnings: string[] = [];
    const environment: TabEnvironment = {
      openChannel: (channelName) => this.channels.open(channelName, name),
      locks: this.locks?.for(name) ?? null,
      storage,
      page: null,
    };
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      advancedLog: () => undefined,
      warn: (...parts: unknown[]) => warnings.push(parts.map(String).join(' ')),
      error: (...parts: unknown[]) => warnings.push(parts.map(String).join(' ')),
    };
    const deps: ChatCoreDeps = {
      client: () => client as unknown as ReturnType<ChatCoreDeps['client']>,
      attachments: { upload: jest.fn(), download: jest.fn(), url: jest.fn() },
      createManager: () => {
        const manager = new FakeManager();
        managers.push(manager);
        return manager;
      },
      logger,
      tabEnvironment: () => ({ environment, problem: null }),
    };
    const core = new ChatCore(normalizeCreateArgs({ type: 'CUSTOMER', chatDetails: CUSTOMER_DETAILS, tabs }), deps);
    const session = new CustomerChatSession(core);
    const received: ChatTranscriptItem[] = [];
    session.onMessage(({ data }) => {
      received.push(data);
    });
    const tab = { name, session, core, client, managers, storage, received, warnings };
    this.tabs.push(tab);
    return tab;
  }

  /** The tab's page goes away (closed or crashed): its channel stops, its lock is released. */
  close(tab: FakeTab): void {
    this.channels.closeTab(tab.name);
    this.locks?.closeTab(tab.name);
    tab.managers.forEach((manager) => manager.closeWebSocket());
  }

  /** Websocket managers started (one per socket a tab opened), over every tab. */
  get socketsOpened(): number {
    return this.tabs.reduce((sum, tab) => sum + tab.managers.filter((manager) => manager.initCalls > 0).length, 0);
  }

  /** The tab whose latest manager was started and not closed (the holder's socket). */
  holder(): FakeTab | undefined {
    return this.tabs.find((tab) => {
      const manager = tab.managers[tab.managers.length - 1];
      return manager !== undefined && manager.initCalls > 0 && manager.closed === 0;
    });
  }
}

/** An agent message as the websocket delivers it. */
export function agentMessage(id: string, text: string, at = '2026-01-01T00:00:00.000Z'): Partial<ChatTranscriptItem> {
  return {
    Id: id,
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: text,
    ParticipantRole: 'AGENT',
    ParticipantId: 'p-agent',
    DisplayName: 'Agent',
    AbsoluteTime: at,
    InitialContactId: 'c-1',
    ContactId: 'c-1',
  };
}

/** Lets the channel, the locks and the sessions' promise chains run. */
export async function settle(times = 30): Promise<void> {
  await flush(times);
}
