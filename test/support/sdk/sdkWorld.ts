// Helpers for driving this SDK against the emulator: a configured ChatSession, and waiting for events.
import { ChatSession } from '../../../src/index';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';
import type { AgentChatSession } from '../../../src/session/agentChatSession';
import type { ChatMessageEvent, ChatTranscriptItem } from '../../../src/types';
import { startTestEmulator, type TestEmulator } from '../emulator/testEmulator';
import type { EmulatorOptions } from 'amazon-connect-chatjs-emulator';

export { ChatSession };

/** Collects every item a session's onMessage sees and waits for matching ones. */
export class MessageLog {
  readonly items: ChatTranscriptItem[] = [];
  private waiters: Array<() => void> = [];

  constructor(session: CustomerChatSession | AgentChatSession) {
    session.onMessage((event: ChatMessageEvent) => {
      this.items.push(event.data);
      this.waiters.forEach((wake) => wake());
    });
  }

  texts(role?: string): string[] {
    return this.items.filter((i) => i.Type === 'MESSAGE' && (!role || i.ParticipantRole === role)).map((i) => i.Content ?? '');
  }

  /** Resolves once `test` holds for the log; rejects after `timeoutMs` with what was seen. */
  until(test: (items: ChatTranscriptItem[]) => boolean, timeoutMs = 10_000, label = 'items'): Promise<void> {
    if (test(this.items)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${label}; saw ${JSON.stringify(this.texts())}`));
      }, timeoutMs);
      const check = (): void => {
        if (!test(this.items)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }
}

/** Resolves with the first payload a one-shot subscription receives. */
export function nextEvent<P>(subscribe: (handler: (payload: P) => void) => () => void, timeoutMs = 10_000, label = 'event'): Promise<P> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${label}`));
    }, timeoutMs);
    const off = subscribe((payload) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

export interface SdkWorld {
  emulator: TestEmulator;
  /** Starts a chat and returns a connected customer session. */
  customer(options?: { disableCSM?: boolean }): Promise<{ session: CustomerChatSession; contactId: string; participantId: string; log: MessageLog }>;
  sessions: Array<CustomerChatSession | AgentChatSession>;
  close(): Promise<void>;
}

export async function sdkWorld(options: EmulatorOptions = {}): Promise<SdkWorld> {
  const emulator = await startTestEmulator(options);
  ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url });
  const sessions: Array<CustomerChatSession | AgentChatSession> = [];
  return {
    emulator,
    sessions,
    async customer() {
      const started = await emulator.startChat();
      const session = ChatSession.create({
        type: 'CUSTOMER',
        chatDetails: { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken },
        disableCSM: true,
      });
      sessions.push(session);
      const log = new MessageLog(session);
      await session.connect();
      return { session, contactId: started.ContactId, participantId: started.ParticipantId, log };
    },
    async close() {
      // End every chat still open the way the service does (chat.ended), so each session stops its socket and timers.
      await emulator.control('DELETE', '/emulator/faults');
      const open = sessions.filter((session) => !session.controller.hasEnded);
      const ended = open.map((session) => nextEvent(session.onEnded.bind(session), 10_000, 'onEnded at teardown').catch(() => undefined));
      const contactIds = new Set(open.map((session) => session.getChatDetails().contactId));
      for (const contactId of contactIds) await emulator.control('POST', `/emulator/contacts/${contactId}/end`);
      await Promise.all(ended);
      await emulator.close();
    },
  };
}

/** Sends a message as another participant through the control API. */
export async function sendAs(emulator: TestEmulator, contactId: string, participantId: string, content: string): Promise<void> {
  const answer = await emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { participantId, content });
  if (answer.status !== 200) throw new Error(`control message failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}
