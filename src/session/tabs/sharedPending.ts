// Every tab of a chat sees the chat's pending messages, whichever tab the customer typed them in. A follower
// hands its sends to the holder (forwardedCalls.ts), so they wait in the holder's outbox: the holder posts its
// list to the other tabs after every change (and to a tab that says hello), and a follower shows its own
// outbox's messages (restored after a reload) followed by the holder's. Discarding or sending again a message
// of the holder's list is handed to the holder too.
import type { PendingMessage, PendingMessagesChangedEvent } from '../../types.js';
import type { Outbox } from '../outgoing/outbox/outbox.js';
import type { SharedConnection } from './sharedConnection.js';
import type { TabChannel } from './tabChannel.js';
import { FanOut } from '../../util/fanOut.js';

/** What the session reads of the pending messages: its outbox's, or every tab's. */
export type PendingView = Pick<Outbox, 'list' | 'discard' | 'on'>;

/** What is read of the shared link: this tab's role, the holder it follows, the way calls go to it. */
type PendingLink = Pick<SharedConnection, 'roleName' | 'heldBy' | 'forward'>;

export class SharedPending implements PendingView {
  /** The holder's list as it last posted it (empty while this tab holds). */
  private heard: PendingMessage[] = [];
  private link: PendingLink | null = null;
  private channel: TabChannel | null = null;
  /** The app's change listeners; one that throws must not stop the others. */
  private readonly listeners = new FanOut<(event: PendingMessagesChangedEvent) => void>(() => undefined);
  private lastSignature = '[]';

  constructor(private readonly own: PendingView) {
    own.on('change', () => this.changed());
  }

  /** The shared link started: listen for the holder's list, post ours when we hold. */
  attach(channel: TabChannel, link: PendingLink): void {
    this.link = link;
    this.channel = channel;
    channel.on((message) => {
      if (message.kind === 'hello' && link.roleName === 'holding') this.post();
      else if (message.kind === 'pending' && link.heldBy(message.from)) {
        this.heard = message.list;
        this.changed();
      }
    });
  }

  list(): PendingMessage[] {
    const own = this.own.list();
    const ids = new Set(own.map((message) => message.id));
    return [...own, ...this.heard.filter((message) => !ids.has(message.id))];
  }

  discard(id: string): boolean {
    if (this.own.discard(id)) return true;
    const message = this.heard.find((candidate) => candidate.id === id);
    // A message shown as sending may have its request out already: the holder would refuse it.
    const answer = message && message.state !== 'sending' ? this.link?.forward('discardPendingMessage', { id }) : null;
    if (!answer) return false;
    answer.catch(() => undefined); // fails only when this session left the chat
    this.heard = this.heard.filter((candidate) => candidate !== message);
    this.changed();
    return true;
  }

  on(_event: 'change', listener: (event: PendingMessagesChangedEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  /** The chat ended: nothing of it stays pending in any tab. */
  ended(): void {
    this.link = null;
    this.heard = [];
    this.changed();
  }

  private post(): void {
    this.channel?.post({ kind: 'pending', list: this.own.list() });
  }

  /** After a change of this tab's outbox, of the holder's list, or of this tab's role (a new holder's list replaces the old one's). */
  changed(): void {
    if (this.link?.roleName === 'holding') {
      this.heard = [];
      this.post();
    }
    const data = this.list();
    const signature = JSON.stringify(data);
    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.listeners.each((listener) => listener({ data }));
  }
}
