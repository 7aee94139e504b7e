// A customer session's part in the other tabs of its chat (docs/tabs.md): the chat's channel, the shared
// link, the reload snapshot and leave-on-close, each on when its option is. The core asks it for a link at
// connect, hands it every delivered item, and tells it when the chat ended (then nothing of the chat stays
// in storage and the channel closes).
import { IllegalStateException } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type { ChatTranscriptItem, WebSocketManagerLike } from '../../types.js';
import { uuidV4 } from '../../util/uuid.js';
import type { NormalizedCreateArgs } from '../args/chatArgs.js';
import { ForwardedCalls, type ServeCall } from './forwardedCalls.js';
import { LockElection } from './holderElection.js';
import { LeaveOnClose } from './leaveOnClose.js';
import type { LeaveRequest } from './leaveRequest.js';
import { ReloadSnapshot, SNAPSHOT_KEY_PREFIX } from './reloadSnapshot.js';
import { SharedConnection, type SharedLinkOptions } from './sharedConnection.js';
import { SharedPending, type PendingView } from './sharedPending.js';
import { TabChannel } from './tabChannel.js';
import type { TabEnvironment } from './tabEnvironment.js';
import { chatChannelName, type ForwardedMethod } from './tabMessages.js';

export interface TabShareOptions {
  args: NormalizedCreateArgs;
  environment: TabEnvironment;
  logger: Logger;
  /** The keepalive DisconnectParticipant under the current connection token; null before connect. Called
   * ahead and again at `pagehide`: it should hand back the same request while the token stays the same. */
  leaveRequest: () => LeaveRequest | null;
}

export class TabShare {
  /** This session's id on the chat's channel. */
  readonly id = uuidV4();
  private readonly name: string;
  private channel: TabChannel | null = null;
  private connection: SharedConnection | null = null;
  private readonly snapshot: ReloadSnapshot | null;
  private readonly leaving: LeaveOnClose | null;
  private pending: SharedPending | null = null;
  private serve: ServeCall = () => Promise.reject(new IllegalStateException('No send path for calls of other tabs'));
  private readonly pageHidden = (event: Event): void => {
    if (!(event as PageTransitionEvent).persisted) this.channel?.post({ kind: 'bye' });
  };

  constructor(private readonly options: TabShareOptions) {
    const { args, environment, logger } = options;
    const { contactId, participantId } = args.chatDetails;
    this.name = chatChannelName(contactId, participantId);
    const storage = environment.storage;
    this.snapshot =
      args.tabs.restoreOnReload && storage ? new ReloadSnapshot(storage, `${SNAPSHOT_KEY_PREFIX}${contactId}:${participantId}`, logger) : null;
    const page = environment.page;
    this.leaving =
      args.tabs.leaveOnClose && page
        ? new LeaveOnClose(page, () => (this.channel?.otherSessions ?? 0) === 0, () => this.sendLeave(), () => void options.leaveRequest(), logger)
        : null;
    if (args.tabs.leaveOnClose && !page) logger.warn('tabs.leaveOnClose: this environment has no page lifecycle; the option does nothing');
    if (args.tabs.shareConnection && !environment.locks) logger.warn('tabs.shareConnection: this browser has no Web Locks; this tab keeps its own websocket');
  }

  /** The holder's own send path, which runs the calls following tabs hand over. */
  setServer(serve: ServeCall): void {
    this.serve = serve;
  }

  /** The pending messages every tab of the chat sees (this tab's outbox's, then the holder's). */
  sharePending(own: PendingView): PendingView {
    this.pending = new SharedPending(own);
    return this.pending;
  }

  /** The items an earlier page load of this tab showed, to replay before connecting (empty when none). */
  restore(): ChatTranscriptItem[] {
    return this.snapshot?.restore() ?? [];
  }

  /** Every item delivered to the app (kept for a reload). */
  record(item: ChatTranscriptItem): void {
    this.snapshot?.record(item);
  }

  /** connect() began: this session joins the chat's channel (presence, leave-on-close). */
  connecting(): void {
    this.openChannel();
    this.leaving?.start();
  }

  /** The link of this connect: shared with the other tabs, or null when the app opted out or Web Locks are missing. */
  link(options: SharedLinkOptions, given: WebSocketManagerLike | null, createManager: () => WebSocketManagerLike): SharedConnection | null {
    const { args, environment, logger } = this.options;
    if (!args.tabs.shareConnection || !environment.locks) return null;
    const channel = this.openChannel();
    const calls = new ForwardedCalls(channel, (method, input) => this.serve(method, input), logger);
    const election = new LockElection(environment.locks, this.name, logger);
    const pending = this.pending;
    const connection = new SharedConnection(options, { channel, election, calls, given, createManager, roleChanged: () => pending?.changed() });
    pending?.attach(channel, connection);
    this.connection = connection;
    return connection;
  }

  /** A send of a following tab goes to the holder; null when this tab makes it itself. */
  forward(method: ForwardedMethod, input: unknown): Promise<unknown> | null {
    return this.connection?.forward(method, input) ?? null;
  }

  /** The chat ended: storage cleared, channel closed. */
  ended(): void {
    this.snapshot?.clear();
    this.leaving?.stop();
    this.pending?.ended();
    this.connection = null;
    this.options.environment.page?.window.removeEventListener('pagehide', this.pageHidden);
    this.channel?.close();
    this.channel = null;
  }

  private openChannel(): TabChannel {
    if (this.channel) return this.channel;
    const { environment, logger } = this.options;
    this.channel = new TabChannel(environment.openChannel(this.name), this.id, logger);
    environment.page?.window.addEventListener('pagehide', this.pageHidden);
    return this.channel;
  }

  private sendLeave(): void {
    const request = this.options.leaveRequest();
    if (request) this.options.environment.page?.sendBeacon(request.url, request.init);
  }
}
