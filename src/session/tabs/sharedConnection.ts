// The link of a session whose chat may be open in other tabs: the elected tab holds the websocket (its own
// SessionConnection) and relays every link event to the others over the chat's channel; a following tab
// feeds the relayed events to its core as if its own socket had reported them. Same start()/end() as a
// SessionConnection, so the core does not know which role its tab has.
//
// Hand-over: when the holder's page goes away the browser gives the lock to a waiting tab, which opens its
// own websocket and then tells every tab to fetch what it missed in between (`resync`, the missed-message
// recovery). A holder that stops answering pings (a frozen or hung page) has its lock taken.
import { IllegalStateException } from '../../errors.js';
import { TimerGroup } from '../../timing/timers.js';
import { reasonOf } from '../../util/values.js';
import type { ConnectionReason, Unsubscribe, WebSocketManagerLike } from '../../types.js';
import type { LinkListener } from '../link/linkListener.js';
import { SessionConnection, type SessionConnectionOptions } from '../link/sessionConnection.js';
import type { ForwardedCalls } from './forwardedCalls.js';
import type { ElectionRole, HolderElection } from './holderElection.js';
import type { TabChannel } from './tabChannel.js';
import type { ForwardedMethod, RelayedLinkEvent, TabMessage } from './tabMessages.js';

/** A silent holder is pinged after this long… */
export const HOLDER_PROBE_MS = 1_000;
/** …and taken over after this long without a word (a frozen page answers nothing). */
export const HOLDER_SILENT_MS = 4_000;

export interface SharedConnectionParts {
  channel: TabChannel;
  election: HolderElection;
  calls: ForwardedCalls;
  /** The manager the app gave create(), used by the first holding turn; null when it gave none. */
  given: WebSocketManagerLike | null;
  /** A manager for a holding turn (the session's own). */
  createManager: () => WebSocketManagerLike;
  /** Told after every change of role. */
  roleChanged?: () => void;
}

/** A SessionConnection's options but the manager, which each holding turn gets anew. */
export type SharedLinkOptions = Omit<SessionConnectionOptions, 'manager' | 'ownsManager'>;

type Role =
  | { name: 'idle' }
  | { name: 'electing' }
  /** `takeover`: this tab followed a live link before, so its socket coming up is a hand-over. */
  | { name: 'holding'; link: SessionConnection; takeover: boolean }
  | { name: 'following'; holderId: string | null; lastHeardAt: number }
  | { name: 'ended' };

export class SharedConnection {
  readonly ownsManager = true;
  private role: Role = { name: 'idle' };
  /** Whether the link is up, as this session last heard it (its own socket or the holder's relay). */
  private up = false;
  private given: WebSocketManagerLike | null;
  /** The probe timer belongs to the following role. */
  private readonly timers = new TimerGroup();
  private unsubscribe: Unsubscribe | null = null;

  constructor(
    private readonly options: SharedLinkOptions,
    private readonly parts: SharedConnectionParts,
  ) {
    this.given = parts.given;
  }

  private get listener(): LinkListener {
    return this.options.listener;
  }

  /** What this tab does now: hold the websocket, follow the tab that does, or neither yet. */
  get roleName(): Role['name'] {
    return this.role.name;
  }

  start(): void {
    if (this.role.name !== 'idle') return;
    this.role = { name: 'electing' };
    this.unsubscribe = this.parts.channel.on((message) => this.hear(message));
    this.parts.election.start((role) => this.roleChanged(role));
  }

  end(): void {
    if (this.role.name === 'holding') this.role.link.end();
    this.role = { name: 'ended' };
    this.timers.clearAll();
    this.parts.election.stop();
    this.parts.calls.stop(new IllegalStateException('The session left the chat before another tab answered its call'));
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** True when this tab follows `tab`. */
  heldBy(tab: string): boolean {
    return this.role.name === 'following' && this.role.holderId === tab;
  }

  /** A follower's send goes to the holder; null when this tab runs it itself. */
  forward(method: ForwardedMethod, input: unknown): Promise<unknown> | null {
    return this.role.name === 'following' ? this.parts.calls.forward(method, input) : null;
  }

  private roleChanged(role: ElectionRole): void {
    if (this.role.name === 'ended') return;
    if (role === 'hold') this.hold();
    else this.follow();
    this.parts.roleChanged?.();
  }

  private hold(): void {
    const takeover = this.role.name === 'following' && this.up;
    this.timers.clearAll();
    const manager = this.given ?? this.parts.createManager();
    this.given = null;
    const link = new SessionConnection({ ...this.options, manager, ownsManager: true, listener: this.relayingListener() });
    this.role = { name: 'holding', link, takeover };
    this.parts.channel.post({ kind: 'holding' });
    this.parts.calls.holderIs('self');
    try {
      link.start();
    } catch (error) {
      this.options.logger.error('Opening the chat websocket failed', error);
      this.listener.broken({ reason: reasonOf(error) });
    }
  }

  private follow(): void {
    if (this.role.name === 'holding') {
      this.role.link.end();
      // Our socket is gone: until the new holder speaks, the link is as the last relay will say.
    }
    this.role = { name: 'following', holderId: null, lastHeardAt: Date.now() };
    this.parts.calls.holderIs(null);
    this.parts.channel.post({ kind: 'hello' });
    this.probeLater();
  }

  /** The holder's listener: tells this tab's core, then the other tabs. */
  private relayingListener(): LinkListener {
    const relay = (event: RelayedLinkEvent): void => {
      this.parts.channel.post({ kind: 'link', ...event });
    };
    const dropped =
      (event: 'lost' | 'broken') =>
      (reason: ConnectionReason): void => {
        this.up = false;
        const relayed = { reason: reason.reason ?? 'connection lost', ...(reason.code === undefined ? {} : { code: reason.code }) };
        relay({ event, reason: relayed });
        this.listener[event](reason);
      };
    return {
      // The other tabs hear first: the event may end this session (chat.ended), and with it the channel.
      item: (item) => {
        relay({ event: 'item', item });
        this.listener.item(item);
      },
      established: () => this.established(relay),
      lost: dropped('lost'),
      broken: dropped('broken'),
      deepHeartbeat: (ok, info) => {
        relay({ event: 'deepHeartbeat', ok, info });
        this.listener.deepHeartbeat(ok, info);
      },
      chatOver: () => {
        relay({ event: 'chatOver' });
        this.listener.chatOver();
      },
      // The holder's own gap watch listens; each follower watches its own items (it has its own gap watch).
      heartbeatLate: () => this.listener.heartbeatLate(),
    };
  }

  private established(relay: (event: RelayedLinkEvent) => void): void {
    this.up = true;
    relay({ event: 'established' });
    this.listener.established();
    if (this.role.name === 'holding' && this.role.takeover) {
      this.role.takeover = false;
      // Items sent between the old holder's last relay and our socket: every tab fetches them.
      relay({ event: 'resync' });
      this.listener.resync?.();
    }
  }

  private hear(message: TabMessage): void {
    const { role } = this;
    if (role.name === 'holding') this.hearAsHolder(message);
    else if (role.name === 'following') this.hearAsFollower(role, message);
    if (message.kind === 'answer') this.parts.calls.answered(message);
  }

  private hearAsHolder(message: TabMessage): void {
    const channel = this.parts.channel;
    if (message.kind === 'hello') channel.post({ kind: 'welcome', to: message.from, up: this.up });
    else if (message.kind === 'ping') channel.post({ kind: 'pong', to: message.from });
    else if (message.kind === 'call') this.parts.calls.answerCall(message);
  }

  private hearAsFollower(role: Extract<Role, { name: 'following' }>, message: TabMessage): void {
    const { kind, from } = message;
    // A tab that missed the holder's announcement (it was frozen) learns the holder from what it relays.
    const announces = kind === 'holding' || kind === 'welcome' || (role.holderId === null && (kind === 'link' || kind === 'pong'));
    if (announces) {
      role.holderId = from;
      this.parts.calls.holderIs(from);
    }
    if (from !== role.holderId) return;
    role.lastHeardAt = Date.now();
    if (kind === 'welcome' && message.up && !this.up) this.apply({ event: 'established' });
    else if (kind === 'link') this.apply(message);
    else if (kind === 'bye') {
      role.holderId = null;
      this.parts.calls.holderIs(null);
    }
  }

  /** A relayed event, told to this tab's core as its own socket would have. */
  private apply(event: RelayedLinkEvent): void {
    const listener = this.listener;
    switch (event.event) {
      case 'item':
        // Before the holder said the link is up, this tab's core is still connecting: as a socket, it hears nothing yet.
        if (this.up) listener.item(event.item);
        return;
      case 'established':
        this.up = true;
        listener.established();
        return;
      case 'lost':
      case 'broken':
        this.up = false;
        listener[event.event](event.reason);
        return;
      case 'deepHeartbeat':
        listener.deepHeartbeat(event.ok, event.info);
        return;
      case 'chatOver':
        listener.chatOver();
        return;
      case 'resync':
        listener.resync?.();
    }
  }

  /** Pings a silent holder; takes over from one that stays silent (see HOLDER_SILENT_MS). */
  private probeLater(): void {
    this.timers.set('probe', HOLDER_PROBE_MS, () => {
      const { role } = this;
      if (role.name !== 'following') return;
      const silentFor = Date.now() - role.lastHeardAt;
      if (silentFor >= HOLDER_SILENT_MS) {
        role.lastHeardAt = Date.now(); // one take-over per silence
        this.parts.election.seize();
      } else if (silentFor >= HOLDER_PROBE_MS) this.parts.channel.post({ kind: 'ping' });
      this.probeLater();
    });
  }
}
