// Plays the emulated CCP page's side of the emulator (its agent channel and chat socket) from Node, so
// routing and the CCP requests can be tested without a browser. The browser side is test/e2e/examples.agentStreams.
import { FrameCollector, type TestEmulator } from './testEmulator';

// A guard against a frame that never comes, not a speed check: hundreds of agents logging in at once on a
// loaded 2-core machine (npm test runs stages side by side) can take more than 5 s. Below jest's 20 s test timeout,
// so a missing frame is reported by name.
const WAIT_MS = 15_000;

export interface SnapshotContact {
  contactId: string;
  state: { type: string };
  connections: Array<{ connectionId: string; type: string; chatMediaInfo?: { connectionData: string } }>;
}

export interface AgentData {
  snapshot: { state: { name: string; type: string }; contacts: SnapshotContact[] };
  configuration: { name: string; username: string; agentARN: string };
}

interface ChannelMessage {
  type: string;
  data?: AgentData;
  requestId?: string;
  err?: { type: string; message: string };
  chatSocketPath?: string;
  [key: string]: unknown;
}

/** One CCP page of an agent: its channel frames, requests, and (after `openChatSocket`) its chat socket. */
export class CcpClient {
  readonly channel: FrameCollector;
  chat?: FrameCollector;
  private nextRequest = 0;

  constructor(
    private readonly emulator: TestEmulator,
    login: string,
  ) {
    this.channel = emulator.openSocket(`${emulator.url.replace(/^http/, 'ws')}/ccp-v2/agent?agent=${encodeURIComponent(login)}`);
  }

  private messages(): ChannelMessage[] {
    return this.channel.frames as unknown as ChannelMessage[];
  }

  /** Resolves once the newest agent data pushed matches `test` (the snapshot is replaced whole each time). */
  async agentData(test: (data: AgentData) => boolean = () => true, label = 'agent data'): Promise<AgentData> {
    const latestAgentFrame = (): ChannelMessage | undefined => [...this.messages()].reverse().find((frame) => frame.type === 'agent');
    const frame = await this.channel.waitFor(
      (candidate) => {
        const message = candidate as unknown as ChannelMessage;
        return message.type === 'agent' && message === latestAgentFrame() && test(message.data as AgentData);
      },
      WAIT_MS,
      label,
    );
    return (frame as unknown as ChannelMessage).data as AgentData;
  }

  async contactState(contactId: string, state: string): Promise<SnapshotContact> {
    const data = await this.agentData((candidate) => candidate.snapshot.contacts.some((contact) => contact.contactId === contactId && contact.state.type === state), `${contactId} ${state}`);
    return data.snapshot.contacts.find((contact) => contact.contactId === contactId) as SnapshotContact;
  }

  /** Sends an api_request as the page forwards it; resolves with `{ data }` or `{ err }`. */
  async request(method: string, params: Record<string, unknown> = {}): Promise<{ data?: any; err?: { type: string; message: string } }> {
    await this.channel.opened;
    const requestId = `r-${(this.nextRequest += 1)}`;
    this.channel.send({ type: 'request', requestId, method, params });
    const answer = (await this.channel.waitFor((frame) => frame.type === 'response' && frame.requestId === requestId, WAIT_MS, `${method} answer`)) as unknown as ChannelMessage;
    return { data: answer.data, err: answer.err };
  }

  async setState(name: string): Promise<void> {
    const { err } = await this.request('putAgentState', { state: { name } });
    if (err) throw new Error(err.message);
  }

  async openChatSocket(): Promise<FrameCollector> {
    const welcome = (await this.channel.waitFor((frame) => frame.type === 'welcome', WAIT_MS, 'welcome')) as unknown as ChannelMessage;
    this.chat = this.emulator.openSocket(`${this.emulator.url.replace(/^http/, 'ws')}${welcome.chatSocketPath}`);
    await this.chat.subscribe();
    return this.chat;
  }

  close(): void {
    this.channel.close();
    this.chat?.close();
  }
}
