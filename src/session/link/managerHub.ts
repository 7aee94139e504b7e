// One subscription per websocket manager, shared by every session that uses it. Streams gives all of an
// agent's chats one manager and one `aws/chat` topic; the hub parses each frame once and hands the item to
// the sessions whose contact it belongs to (receipts go to all, as upstream).
import { TOPICS } from '../../constants.js';
import { CONNECTION_REASONS } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type { Unsubscribe, WebSocketFrame, WebSocketManagerLike } from '../../types.js';
import { FanOut } from '../../util/fanOut.js';
import { belongsToContact, parseItem } from '../incoming/itemRouter.js';
import { toConnectionReason, toDeepHeartbeatInfo, type LinkListener } from './linkListener.js';

/** A session on the hub: which contact it is, and the one interface it hears its link through. */
export interface HubMember {
  contactId: string;
  initialContactId: string;
  listener: LinkListener;
}

const hubs = new WeakMap<WebSocketManagerLike, ManagerHub>();

export class ManagerHub {
  private readonly members: FanOut<HubMember>;
  private readonly subscriptions: Unsubscribe[] = [];

  private constructor(
    private readonly manager: WebSocketManagerLike,
    private readonly logger: Logger,
  ) {
    this.members = new FanOut((error) => this.logger.error('A session failed to handle a websocket event', error));
    this.listen();
  }

  /** The hub of `manager`, created (and subscribed) on first use. */
  static of(manager: WebSocketManagerLike, logger: Logger): ManagerHub {
    let hub = hubs.get(manager);
    if (!hub) {
      hub = new ManagerHub(manager, logger);
      hubs.set(manager, hub);
    }
    return hub;
  }

  /** Adds a session; returns the function that removes it (the last removal drops the subscriptions). */
  join(member: HubMember): Unsubscribe {
    const remove = this.members.add(member);
    let joined = true;
    return () => {
      if (!joined) return;
      joined = false;
      remove();
      if (this.members.size === 0) this.dispose();
    };
  }

  private listen(): void {
    const m = this.manager;
    const keep = (unsubscribe: Unsubscribe | void): void => {
      if (typeof unsubscribe === 'function') this.subscriptions.push(unsubscribe);
    };
    m.subscribeTopics([TOPICS.chat]);
    keep(m.onMessage(TOPICS.chat, (frame) => this.routeFrame(frame)));
    keep(m.onConnectionGain(() => this.each((listener) => listener.established())));
    keep(m.onConnectionLost((info) => this.each((listener) => listener.lost(toConnectionReason(info, CONNECTION_REASONS.lost)))));
    keep(
      m.onInitFailure((info) =>
        this.each((listener) => listener.broken(toConnectionReason(info, CONNECTION_REASONS.broken))),
      ),
    );
    if (typeof m.onHeartbeatLate === 'function') keep(m.onHeartbeatLate(() => this.each((listener) => listener.heartbeatLate())));
    // Streams' raw manager has no deep-heartbeat hooks; its page-side provider accepts them but never calls them.
    if (typeof m.onDeepHeartbeatSuccess === 'function') {
      keep(m.onDeepHeartbeatSuccess((info) => this.each((listener) => listener.deepHeartbeat(true, toDeepHeartbeatInfo(info)))));
    }
    if (typeof m.onDeepHeartbeatFailure === 'function') {
      keep(m.onDeepHeartbeatFailure((info) => this.each((listener) => listener.deepHeartbeat(false, toDeepHeartbeatInfo(info)))));
    }
  }

  private routeFrame(frame: WebSocketFrame): void {
    const item = parseItem(frame?.content);
    if (!item) {
      this.logger.warn('Ignoring a chat frame that is not an item');
      return;
    }
    this.each((listener, member) => {
      if (belongsToContact(item, member.contactId, member.initialContactId)) listener.item(item);
    });
  }

  private each(visit: (listener: LinkListener, member: HubMember) => void): void {
    this.members.each((member) => visit(member.listener, member));
  }

  private dispose(): void {
    for (const unsubscribe of this.subscriptions.splice(0)) {
      try {
        unsubscribe();
      } catch (error) {
        this.logger.warn('Unsubscribing from the websocket manager failed', error);
      }
    }
    hubs.delete(this.manager);
  }
}
