// The core of one chat: its state, the link to the websocket, the incoming items and the service calls.
// One state variable (`phase`, see phase.ts); every change goes through setState(), which clears what the
// old state owned and tells its listeners why. The public sessions (../chatSessionBase.ts) are its face;
// how its parts are built and wired (calls, link, tabs) is in coreParts.ts.
import { CHAT_EVENTS, NO_ACTIVE_CONNECTION } from '../../constants.js';
import { ChatEndedException, IllegalArgumentException, IllegalStateException, UnknownResumeItemException } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type {
  ChatDetails,
  ChatTranscriptItem,
  ConnectArgs,
  ConnectChatResult,
  ConnectionDetails,
  ConnectionReason,
  ControllerState,
  ParticipantServiceResponse,
  Unsubscribe,
} from '../../types.js';
import type { NormalizedCreateArgs } from '../args/chatArgs.js';
import type { TranscriptRequest } from '../outgoing/clientAccess.js';
import { ConnectionDetailsProvider } from '../link/connectionDetails.js';
import { deferred, describeChange, holdsLink, isFinal, publicState, type Phase, type StateChange, type StateChangeReason } from './phase.js';
import { EventBus } from '../events/eventBus.js';
import { loadTrackedTranscript, type SessionFeatures } from '../features/index.js';
import type { ChatCoreDeps } from './coreDeps.js';
import { createConnection, sessionCalls, sessionFeatures, tabShare, type CoreConnection } from './coreParts.js';
import { classifyItem, isChatEnded, isTransferSucceeded, itemPayload, syntheticChatEnded } from '../incoming/itemRouter.js';
import type { LinkListener } from '../link/linkListener.js';
import { IncomingItems } from '../incoming/incomingItems.js';
import type { CallGate, ServiceCalls } from '../outgoing/serviceCalls.js';
import type { OutboxLink } from '../outgoing/outbox/outbox.js';
import type { LinkEventName, SessionEventMap } from '../events/sessionEvents.js';
import { TokenRefresher } from '../link/tokenRefresher.js';
import { checkResumePoint, throwIfChatEnded } from '../link/resumeCheck.js';
import { NO_WEBSOCKET_MESSAGE } from '../../transport/environment.js';
import type { SessionCore } from './sessionCore.js';
import type { TabShare } from '../tabs/tabShare.js';
import type { PendingView } from '../tabs/sharedPending.js';

export type { ControllerState } from '../../types.js';
export type { StateChange } from './phase.js';

export class ChatCore implements CallGate, OutboxLink, SessionCore {
  /** @internal */
  readonly bus: EventBus<SessionEventMap>;
  private readonly provider: ConnectionDetailsProvider;
  /** Receipts, Lex stitching, onTranscriptUpdated and metrics (see ./features). @internal */
  readonly features: SessionFeatures;
  /** The session's service calls: guard, token renewal, metrics, metadata. @internal */
  readonly calls: ServiceCalls;
  private phase: Phase = { name: 'idle' };
  private readonly stateListeners = new Set<(change: StateChange) => void>();
  /** The link of the link-holding states (see holdsLink); ended with them. */
  private connection: CoreConnection | null = null;
  /** Other tabs of this chat, reloads and leaving (../tabs); null when none of it is on. */
  private readonly tabs: TabShare | null;
  /** The pending messages the app sees: the outbox's, or with tabs every tab's (../tabs/sharedPending.ts). */
  readonly pending: PendingView;
  private readonly refresher: TokenRefresher;
  private connectResult: ConnectChatResult | null = null;
  private readonly incoming: IncomingItems;

  /** @internal */
  constructor(
    /** @internal */
    readonly args: NormalizedCreateArgs,
    private readonly deps: ChatCoreDeps,
  ) {
    this.bus = new EventBus<SessionEventMap>(deps.logger);
    this.features = sessionFeatures(args, deps, this.bus, () => this.getChatDetails());
    this.provider = new ConnectionDetailsProvider(args, deps.client, deps.logger, (startedAt, failed) =>
      this.features.metrics.apiCall('createParticipantConnection', startedAt, failed),
    );
    this.refresher = new TokenRefresher(this.provider, () => this.endFromService('service-refused', 'token renewal refused'), deps.logger);
    this.incoming = new IncomingItems((request) => this.fetchPage(request), (item) => this.deliverItem(item), deps.logger);
    this.tabs = tabShare(args, deps, () => this.provider.connectionToken);
    this.calls = sessionCalls(args, { gate: this, services: deps, features: this.features }, this.tabs);
    this.pending = this.tabs ? this.tabs.sharePending(this.calls.outbox) : this.calls.outbox;
  }

  /** @internal */
  get logger(): Logger {
    return this.deps.logger;
  }

  /** The session's connection state (see ControllerState). */
  getState(): ControllerState {
    return publicState(this.phase.name);
  }

  /** True once the chat ended (chat.ended arrived or the service refused us). */
  get hasEnded(): boolean {
    return this.phase.name === 'ended';
  }

  /** @internal For the outbox: true once close() let go of the chat. */
  get isClosed(): boolean {
    return this.phase.name === 'closed';
  }

  /** @internal For the outbox: true while the link is established. */
  isUp(): boolean {
    return this.phase.name === 'connected';
  }

  /** @internal For the outbox: every state change. */
  onChange(listener: () => void): Unsubscribe {
    return this.onStateChange(() => listener());
  }

  /** @internal Listens to state changes and their reasons (internal: tests, diagnostics). */
  onStateChange(listener: (change: StateChange) => void): Unsubscribe {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** What the last connect got: websocket URL, connection token and their expiry. */
  get connectionDetails(): ConnectionDetails | null {
    return this.provider.details;
  }

  /** Ids, tokens and connection details of the chat. */
  getChatDetails(): ChatDetails {
    const { initialContactId, contactId, participantId, participantToken } = this.args.chatDetails;
    return { initialContactId, contactId, participantId, participantToken, connectionDetails: this.provider.details };
  }

  /** Connects once; while connecting or connected it returns the same result, after a break it connects again. */
  connect(args: ConnectArgs = {}): Promise<ConnectChatResult> {
    const { phase } = this;
    if (phase.name === 'ended') return Promise.reject(new IllegalStateException('The chat has ended; create a new session to chat again'));
    if (phase.name === 'closed') return Promise.reject(new IllegalStateException('The session was closed; create a new session to resume the chat'));
    if (phase.name === 'connecting') return phase.attempt.promise;
    if (this.connectResult && phase.name !== 'broken') return Promise.resolve(this.connectResult);
    const resumeAfter = args?.resumeAfterItemId;
    if (resumeAfter !== undefined && (typeof resumeAfter !== 'string' || resumeAfter.trim() === '')) {
      return Promise.reject(new IllegalArgumentException('connect(): resumeAfterItemId must be a non-empty item Id', 'resumeAfterItemId'));
    }
    if (this.args.websocketManager === null && this.deps.hasWebSocket?.() === false) {
      // Without this the manager would retry for ever, creating a participant connection on every try.
      return Promise.reject(new IllegalStateException(NO_WEBSOCKET_MESSAGE));
    }
    if (resumeAfter !== undefined) this.incoming.resumeAfter(resumeAfter);
    // A reload: the items this tab showed before it are painted at once, and the link resumes after the newest.
    const replayed = resumeAfter === undefined && this.incoming.replay(this.tabs?.restore() ?? []);
    const attempt = deferred<ConnectChatResult>();
    this.tabs?.connecting();
    this.setState({ name: 'connecting', attempt, args: args ?? {}, resume: replayed || resumeAfter !== undefined }, { code: 'connect' });
    // After a replay the app's handlers paint first (the bus delivers on microtasks queued before this one).
    if (replayed) void Promise.resolve().then(() => this.openLink());
    else void this.openLink();
    return attempt.promise;
  }

  /** @internal Customers: leave the chat (DisconnectParticipant); chat.ended follows, the link is not re-made. */
  async disconnectParticipant<M>(metadata: M | undefined): Promise<ParticipantServiceResponse<object, M>> {
    const result = await this.calls.run('disconnectParticipant', metadata, (token, { client }) => client.disconnectParticipant(token));
    if (this.phase.name === 'connected') this.setState({ name: 'leaving' }, { code: 'participant-left' });
    else this.endFromService('participant-left', 'left while the link was down');
    return result;
  }

  /**
   * Lets go of the chat without leaving it: the websocket, timers and handlers are released, the participant
   * stays in the chat, so another session (here or in another process) can resume it. Final; safe to call twice.
   */
  close(): void {
    if (isFinal(this.phase.name)) return;
    this.setState({ name: 'closed' }, { code: 'closed' });
    this.bus.removeAllListeners();
  }

  /** @internal Agents: drop every handler (upstream's cleanUpOnParticipantDisconnect). */
  removeAllHandlers(): void {
    this.bus.removeAllListeners();
  }

  /** @internal */
  get sessionType(): NormalizedCreateArgs['type'] {
    return this.args.type;
  }

  /** @internal The connection token for a call allowed now, or an IllegalStateException with upstream's text. */
  tokenFor(method: string): string {
    const token = this.provider.connectionToken;
    const { name } = this.phase;
    const refused =
      name === 'idle' || token === null ? 'before calling connect()' : name === 'ended' || name === 'leaving' || name === 'closed' ? 'when participant is disconnected' : null;
    if (refused === null) return token as string;
    this.logger.error(`Cannot call ${method} ${refused}`);
    throw new IllegalStateException(NO_ACTIVE_CONNECTION(method));
  }

  /** @internal After a 403 with `staleToken`: renews once (unless someone already did); null when that did not help. */
  async renewToken(staleToken: string): Promise<string | null> {
    if (isFinal(this.phase.name)) return null;
    const current = this.provider.connectionToken;
    if (current !== null && current !== staleToken) return current;
    const renewed = await this.refresher.refreshNow();
    const token = this.provider.connectionToken;
    return renewed && token !== staleToken ? token : null;
  }

  /** One transcript page under the current connection token (missed-message recovery, tracked transcript). */
  private fetchPage(request: TranscriptRequest): ReturnType<ReturnType<ChatCoreDeps['client']>['getTranscript']> {
    return this.deps.client().getTranscript(this.provider.connectionToken ?? '', request);
  }

  /**
   * @internal Routes one incoming item (live, recovered or synthetic) to the session's events. `endReason`
   * says why a synthetic chat.ended was replayed.
   */
  deliverItem(item: ChatTranscriptItem, endReason?: StateChangeReason): void {
    if (isFinal(this.phase.name)) return;
    const emitted = this.features.partials.stitch(item);
    const event = emitted === null ? null : classifyItem(emitted, this.args.chatDetails.participantId);
    if (emitted !== null && event !== null) {
      this.bus.emit(event, itemPayload(event, emitted, this.getChatDetails()));
      this.features.transcript.incoming(emitted);
      this.tabs?.record(emitted);
    }
    if (isChatEnded(item)) {
      this.finishChat(endReason);
    } else if (isTransferSucceeded(item) && this.args.type !== 'CUSTOMER') {
      // The contact moved to another agent: this agent's session is done, without a CHAT_ENDED.
      this.setState({ name: 'ended' }, { code: 'transferred' });
    }
  }

  /** Fetches connection details, checks a resume position, then starts the link (its events move the state on). */
  private async openLink(): Promise<void> {
    const { phase } = this;
    if (phase.name !== 'connecting') return;
    let connection: CoreConnection;
    try {
      await this.provider.fetch().catch((error: unknown) => {
        if (phase.resume) throwIfChatEnded(error);
        throw error;
      });
      const itemId = phase.args.resumeAfterItemId;
      if (itemId !== undefined) await checkResumePoint((request) => this.fetchPage(request), itemId);
      if (this.phase !== phase) return;
      connection = this.connection = createConnection(this.args, this.deps, this.tabs, {
        provider: this.provider,
        chatDetails: this.args.chatDetails,
        listener: this.linkListener(),
        logger: this.logger,
      });
      connection.start();
    } catch (error) {
      if (this.phase === phase) this.connectFailed(error);
      return;
    }
    // Streams' manager is up already: it never tells a newcomer.
    if (!connection.ownsManager) this.onEstablished();
  }

  private connectFailed(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (failure instanceof ChatEndedException) {
      this.endFromService('service-refused', 'the chat ended while this session was away', failure);
      return;
    }
    const code = failure instanceof UnknownResumeItemException ? 'resume-refused' : 'connect-failed';
    this.setState({ name: 'broken' }, { code, detail: failure.message, error: failure });
  }

  /** The one interface the link reports through (see ../link/linkListener.ts). */
  private linkListener(): LinkListener {
    return {
      item: (item) => {
        this.features.metrics.websocket('incoming');
        if (!isFinal(this.phase.name)) this.incoming.accept(item);
      },
      established: () => this.onEstablished(),
      lost: (reason) => this.onLost(reason),
      broken: (reason) => this.onBroken(reason),
      chatOver: () => this.endFromService('service-refused', 'the service refused to reconnect'),
      heartbeatLate: () => this.incoming.suspectGap('heartbeat-late'),
      resync: () => this.resync(),
      deepHeartbeat: (ok, info) => {
        if (!ok) this.incoming.suspectGap('ping-failed');
        this.features.metrics.websocket(ok ? 'deepHeartbeatSuccess' : 'deepHeartbeatFailure');
        this.emit(ok ? CHAT_EVENTS.DEEP_HEARTBEAT_SUCCESS : CHAT_EVENTS.DEEP_HEARTBEAT_FAILURE, info);
      },
    };
  }

  private onEstablished(): void {
    const { phase } = this;
    if (phase.name !== 'connecting' && phase.name !== 'reconnecting') return;
    const reconnected = this.incoming.linkUp();
    this.setState({ name: 'connected' }, { code: 'established' });
    this.features.metrics.websocket('gained');
    this.emit(CHAT_EVENTS.CONNECTION_ESTABLISHED, { reconnected });
    // While onTranscriptUpdated has listeners, each new connection loads the latest items (as upstream).
    if (this.provider.connectionToken !== null && this.bus.hasListeners(CHAT_EVENTS.TRANSCRIPT_UPDATED)) {
      loadTrackedTranscript(this.features, (request) => this.fetchPage(request), this.logger);
    }
    if (phase.name === 'connecting' && phase.resume) this.recoverMissed('resuming');
    else if (reconnected && this.recoversMissed) this.recoverMissed('reconnecting');
  }

  /** Another tab's websocket moved to this tab's (../tabs): fetch what the hand-over missed. */
  private resync(): void {
    if (this.phase.name !== 'ended' && this.recoversMissed) this.recoverMissed('the websocket moved to another tab');
  }

  /** Whether items missed while the link was down are fetched (features.recoverMissedMessages). */
  private get recoversMissed(): boolean {
    return this.deps.recoverMissedMessages?.() ?? true;
  }

  private recoverMissed(after: string): void {
    void this.incoming.recover().then((count) => {
      if (count > 0) this.logger.info(`Recovered ${count} transcript items after ${after}`);
    });
  }

  private onLost(reason: ConnectionReason): void {
    if (this.phase.name === 'leaving') {
      this.endFromService('participant-left', 'the link dropped after the participant left');
      return;
    }
    if (this.phase.name !== 'connected') return;
    this.setState({ name: 'reconnecting' }, { code: 'lost', detail: reason.reason });
    this.features.metrics.websocket('lost');
    this.emit(CHAT_EVENTS.CONNECTION_LOST, reason);
  }

  private onBroken(reason: ConnectionReason): void {
    if (this.phase.name === 'ended' || this.phase.name === 'broken') return;
    const error = new IllegalStateException(`The websocket could not be established: ${reason.reason ?? 'unknown'}`);
    this.setState({ name: 'broken' }, { code: 'broken', detail: reason.reason, error });
    this.emit(CHAT_EVENTS.CONNECTION_BROKEN, reason);
  }

  /** The service told us the chat is gone (or we left): replay chat.ended as upstream does. */
  private endFromService(code: StateChangeReason['code'], why: string, error?: Error): void {
    if (isFinal(this.phase.name)) return;
    this.logger.info(`Ending the session: ${why}`);
    this.deliverItem(syntheticChatEnded(), error ? { code, detail: why, error } : { code, detail: why });
  }

  /** chat.ended: CHAT_ENDED runs after the item's own events, then every handler is dropped. */
  private finishChat(reason: StateChangeReason = { code: 'chat-ended' }): void {
    if (isFinal(this.phase.name)) return;
    this.setState({ name: 'ended' }, reason);
    this.features.metrics.websocket('ended');
    this.emit(CHAT_EVENTS.CHAT_ENDED, null, () => this.bus.removeAllListeners());
  }

  /** Emits a link event: its `data`, with the chat's details. */
  private emit<K extends LinkEventName>(event: K, data: SessionEventMap[K]['data'], after?: () => void): void {
    this.bus.emit(event, { chatDetails: this.getChatDetails(), data } as SessionEventMap[K], after);
  }

  /** The one place the state changes: clears what the old state owned, then tells the listeners why. */
  private setState(next: Phase, reason: StateChangeReason): void {
    const previous = this.phase;
    if (next.name === previous.name || isFinal(previous.name)) return;
    this.phase = next;
    if (previous.name === 'connecting') this.settleAttempt(previous, next, reason);
    if (holdsLink(previous.name) && !holdsLink(next.name)) this.dropLink();
    // The gap watch runs while the link is up, when missed-message recovery is on.
    this.incoming.watchGaps(next.name === 'connected' && this.recoversMissed);
    if (isFinal(next.name)) this.features.receipts.stop();
    if (next.name === 'ended') this.tabs?.ended();
    const change: StateChange = { from: previous.name, to: next.name, reason };
    this.logger.info(describeChange(change));
    for (const listener of [...this.stateListeners]) listener(change);
  }

  /** @internal SendMessage answered with `itemId`: its echo should come over the socket (see ../incoming/gapWatch.ts). */
  itemSent(itemId: string): void {
    this.incoming.sent(itemId);
  }

  /** Leaving `connecting`: connect() resolves once the link is up, and rejects with the reason otherwise. */
  private settleAttempt(connecting: Extract<Phase, { name: 'connecting' }>, next: Phase, reason: StateChangeReason): void {
    if (next.name !== 'connected') {
      const message =
        next.name === 'ended'
          ? 'The chat ended before the connection was established'
          : next.name === 'closed'
            ? 'The session was closed before the connection was established'
            : `connect() failed: ${reason.code}`;
      connecting.attempt.reject(reason.error ?? new IllegalStateException(message));
      return;
    }
    this.refresher.start();
    this.connectResult = { _debug: { websocketStatus: 'Connected' }, connectSuccess: true, connectCalled: true, metadata: connecting.args.metadata ?? null };
    if (this.args.type === 'AGENT' && this.connection && !this.connection.ownsManager) {
      // Agents on Streams: mark the participant connected; a failure never fails connect().
      this.provider.acknowledge().catch((error: unknown) => this.logger.warn('Participant acknowledgement (ConnectParticipant) failed', error));
    }
    connecting.attempt.resolve(this.connectResult);
  }

  /** What the link-holding states own: the token refresher, the hub membership (and socket), a recovery. */
  private dropLink(): void {
    this.refresher.stop();
    this.incoming.stop();
    this.connection?.end();
    this.connection = null;
  }
}
