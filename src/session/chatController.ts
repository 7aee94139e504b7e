// The state of one chat: connects, keeps the link, routes incoming items to events and guards the calls.
// One state variable (`state`); every change goes through setState().
import { CHAT_EVENTS, CONTENT_TYPE, type ChatEventName } from '../constants.js';
import { IllegalArgumentException, IllegalStateException } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type {
  ChatDetails,
  ChatTranscriptItem,
  ConnectArgs,
  ConnectChatResult,
  ConnectionReason,
  ControllerState,
  WebSocketManagerLike,
} from '../types.js';
import type { NormalizedCreateArgs } from './chatArgs.js';
import type { AttachmentOperations, ClientLookup, SessionParticipantClient } from './clientAccess.js';
import { ConnectionDetailsProvider } from './connectionDetails.js';
import { EventBus } from './eventBus.js';
import { createSessionFeatures, type SessionFeatures } from './features/index.js';
import { DeliveryLog, MissedMessageRecovery } from './missedMessages.js';
import type { TranscriptRequest } from './clientAccess.js';
import { classifyItem, isChatEnded, isTransferSucceeded } from './itemRouter.js';
import type { SessionEventMap } from './sessionEvents.js';
import { SessionConnection, type ConnectionEvents } from './sessionConnection.js';
import { TokenRefresher } from './tokenRefresher.js';
import { NO_WEBSOCKET_MESSAGE } from '../transport/environment.js';

export type { ControllerState } from '../types.js';

export interface ControllerDeps {
  client: ClientLookup;
  attachments: () => AttachmentOperations;
  /** Builds the session's own websocket manager (used when create() got none). */
  createManager: () => WebSocketManagerLike;
  /** Whether the session's own manager would find a WebSocket constructor (Node 20 has none built in). */
  hasWebSocket?: () => boolean;
  logger: Logger;
  /** Whether items missed while disconnected are fetched after a reconnect (default true). */
  recoverMissedMessages?: () => boolean;
  /** Whether read/delivered receipts are sent (default true). */
  receiptsEnabled?: () => boolean;
  /** The receipt throttle window in ms (default 5000). */
  receiptThrottleMs?: () => number;
}

/** The item upstream replays when the service says the chat is gone. */
const SYNTHETIC_CHAT_ENDED: ChatTranscriptItem = {
  AbsoluteTime: '',
  ContentType: CONTENT_TYPE.chatEnded,
  Id: '',
  Type: 'EVENT',
  InitialContactId: '',
};

export class ChatController {
  /** @internal */
  readonly bus: EventBus<SessionEventMap>;
  /** @internal */
  readonly provider: ConnectionDetailsProvider;
  /** Receipts, Lex stitching, onTranscriptUpdated and metrics (see ./features). @internal */
  readonly features: SessionFeatures;
  private state: ControllerState = 'idle';
  private connection: SessionConnection | null = null;
  private readonly refresher: TokenRefresher;
  private connectResult: ConnectChatResult | null = null;
  private pendingConnect: Promise<ConnectChatResult> | null = null;
  private firstLinkWaiter: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private establishedBefore = false;
  private participantLeft = false;
  private readonly recovery: MissedMessageRecovery;
  private readonly deliveryLog = new DeliveryLog();
  /** connect() was given resumeAfterItemId: the next established link fetches everything after it. */
  private resumePending = false;
  /** When the first connect succeeded: where recovery starts if nothing was delivered yet. */
  private connectedAt = new Date().toISOString();

  /** @internal */
  constructor(
    /** @internal */
    readonly args: NormalizedCreateArgs,
    private readonly deps: ControllerDeps,
  ) {
    this.bus = new EventBus<SessionEventMap>(deps.logger);
    this.features = createSessionFeatures({
      args,
      logger: deps.logger,
      chatDetails: () => this.getChatDetails(),
      emitTranscript: (transcript, previousTranscriptNextToken) =>
        this.bus.emit(CHAT_EVENTS.TRANSCRIPT_UPDATED, { chatDetails: this.getChatDetails(), data: { transcript, previousTranscriptNextToken } }),
      hasTranscriptListeners: () => this.bus.hasListeners(CHAT_EVENTS.TRANSCRIPT_UPDATED),
      receiptsEnabled: () => deps.receiptsEnabled?.() ?? true,
      receiptThrottleMs: () => deps.receiptThrottleMs?.() ?? 5000,
    });
    const usesStreams = args.type === 'AGENT' && args.websocketManager !== null && args.chatDetails.getConnectionToken !== null;
    this.provider = new ConnectionDetailsProvider(
      args.chatDetails,
      usesStreams ? 'streams-token' : 'participant-connection',
      deps.client,
      deps.logger,
      args.type === 'AGENT',
      (startedAt, failed) => this.features.metrics.apiCall('createParticipantConnection', startedAt, failed),
    );
    this.refresher = new TokenRefresher(this.provider, () => this.endFromService('token renewal refused'), deps.logger);
    this.recovery = new MissedMessageRecovery(
      (request) => this.deps.client().getTranscript(this.provider.connectionToken ?? '', request),
      (item) => this.deliverOnce(item),
      this.deliveryLog,
      deps.logger,
      () => this.state === 'connected' || this.state === 'reconnecting',
    );
  }

  /** @internal */
  get logger(): Logger {
    return this.deps.logger;
  }

  /** The session's connection state (see ControllerState). */
  getState(): ControllerState {
    return this.state;
  }

  /** True once the chat ended (chat.ended arrived or the service refused us). */
  get hasEnded(): boolean {
    return this.state === 'ended';
  }

  /** Ids, tokens and connection details of the chat. */
  getChatDetails(): ChatDetails {
    const { initialContactId, contactId, participantId, participantToken } = this.args.chatDetails;
    return { initialContactId, contactId, participantId, participantToken, connectionDetails: this.provider.details };
  }

  /** Connects once; while connecting or connected it returns the same result, after a break it connects again. */
  connect(args: ConnectArgs = {}): Promise<ConnectChatResult> {
    if (this.state === 'ended') {
      return Promise.reject(new IllegalStateException('The chat has ended; create a new session to chat again'));
    }
    if (this.pendingConnect) return this.pendingConnect;
    if (this.connectResult && this.state !== 'broken') return Promise.resolve(this.connectResult);
    const resumeAfter = args?.resumeAfterItemId;
    if (resumeAfter !== undefined && (typeof resumeAfter !== 'string' || resumeAfter.trim() === '')) {
      return Promise.reject(new IllegalArgumentException('connect(): resumeAfterItemId must be a non-empty item Id', 'resumeAfterItemId'));
    }
    if (this.args.websocketManager === null && this.deps.hasWebSocket?.() === false) {
      // Without this the manager would retry for ever, creating a participant connection on every try.
      return Promise.reject(new IllegalStateException(NO_WEBSOCKET_MESSAGE));
    }
    if (resumeAfter !== undefined) this.deliveryLog.resumeAfter(resumeAfter);
    this.resumePending = resumeAfter !== undefined;
    this.pendingConnect = this.runConnect(args).finally(() => {
      this.pendingConnect = null;
    });
    return this.pendingConnect;
  }

  /** @internal The connection token for a guarded call, or an IllegalStateException with upstream's text. */
  connectionTokenFor(method: string): string {
    const token = this.provider.connectionToken;
    if (this.state === 'idle' || token === null) {
      this.logger.error(`Cannot call ${method} before calling connect()`);
      throw new IllegalStateException(`Failed to call ${method}, No active connection`);
    }
    if (this.state === 'ended' || this.participantLeft) {
      this.logger.error(`Cannot call ${method} when participant is disconnected`);
      throw new IllegalStateException(`Failed to call ${method}, No active connection`);
    }
    return token;
  }

  /** @internal */
  get client(): SessionParticipantClient {
    return this.deps.client();
  }

  /** @internal */
  get attachments(): AttachmentOperations {
    return this.deps.attachments();
  }

  /**
   * @internal
   * After a 403 with `staleToken`: renews the connection token once (unless someone already did) and
   * returns the new one, or null when renewal did not help (the chat may be over).
   */
  async renewConnectionToken(staleToken: string): Promise<string | null> {
    if (this.state === 'ended') return null;
    const current = this.provider.connectionToken;
    if (current !== null && current !== staleToken) return current;
    const renewed = await this.refresher.refreshNow();
    const token = this.provider.connectionToken;
    return renewed && token !== staleToken ? token : null;
  }

  /** @internal A page of GetTranscript came back: the features learn what it holds. */
  afterTranscriptPage(request: TranscriptRequest, result: { Transcript?: ChatTranscriptItem[]; NextToken?: string }): void {
    const items = result.Transcript ?? [];
    this.features.partials.rehydrate(items);
    this.features.transcript.page(request, result);
    this.features.receipts.rehydrate(items);
  }

  /** @internal The customer left (DisconnectParticipant succeeded): stop reconnecting; chat.ended will follow. */
  markParticipantLeft(): void {
    this.participantLeft = true;
  }

  /** @internal Agents: drop every handler (upstream's cleanUpOnParticipantDisconnect). */
  removeAllHandlers(): void {
    this.bus.removeAllListeners();
  }

  /** @internal Routes one incoming item (websocket or replayed) to the session's events. */
  deliverItem(item: ChatTranscriptItem): void {
    const emitted = this.features.partials.stitch(item);
    const event = emitted === null ? null : classifyItem(emitted, this.args.chatDetails.participantId);
    if (emitted !== null && event !== null) {
      this.emitItem(event, emitted);
      this.features.transcript.incoming(emitted);
    }
    if (isChatEnded(item)) {
      this.finishChat();
    } else if (isTransferSucceeded(item) && this.args.type !== 'CUSTOMER') {
      // The contact moved to another agent: this agent's session is done, without a CHAT_ENDED.
      this.stopConnection();
      this.setState('ended');
    }
  }

  /** Live and recovered items pass here: each is delivered once, and nothing after the chat ended. */
  private deliverOnce(item: ChatTranscriptItem): void {
    if (this.state === 'ended') return;
    if (this.deliveryLog.admit(item)) this.deliverItem(item);
  }

  private emitItem(event: ChatEventName, item: ChatTranscriptItem): void {
    const payload = { data: item, chatDetails: this.getChatDetails() };
    if (event === CHAT_EVENTS.AUTHENTICATION_INITIATED) {
      // The content type is authentication.initiated here, as the event type says.
      this.bus.emit(event, { ...payload, sessionId: parseSessionId(item.Content) } as SessionEventMap[typeof event]);
      return;
    }
    this.bus.emit(event as keyof SessionEventMap & string, payload as never);
  }

  private async runConnect(args: ConnectArgs): Promise<ConnectChatResult> {
    this.setState('connecting');
    try {
      await this.provider.fetch();
      await this.openLink();
    } catch (error) {
      this.stopConnection();
      this.setState('broken');
      throw error;
    }
    this.refresher.start();
    if (this.connectResult === null) this.connectedAt = new Date().toISOString();
    if (this.args.type === 'AGENT' && this.connection && !this.connection.ownsManager) {
      this.acknowledgeAgent();
    }
    this.connectResult = {
      _debug: { websocketStatus: 'Connected' },
      connectSuccess: true,
      connectCalled: true,
      metadata: args.metadata ?? null,
    };
    return this.connectResult;
  }

  /** Starts the websocket side; resolves once our own socket is up (at once on a shared Streams manager). */
  private openLink(): Promise<void> {
    const external = this.args.websocketManager;
    const manager = external ?? this.deps.createManager();
    // A customer's manager is always driven by the session (a given one is one the app configured, e.g.
    // with its own WebSocket); an agent's given manager is Streams', which Streams drives.
    const ownsManager = external === null || this.args.type === 'CUSTOMER';
    this.connection = new SessionConnection({
      manager,
      ownsManager,
      provider: this.provider,
      chatDetails: this.args.chatDetails,
      events: this.connectionEvents(),
      logger: this.logger,
    });
    const firstLink = new Promise<void>((resolve, reject) => {
      this.firstLinkWaiter = { resolve, reject };
    });
    this.connection.start();
    if (!ownsManager) this.onEstablished();
    return firstLink;
  }

  private connectionEvents(): ConnectionEvents {
    return {
      item: (item) => {
        this.features.metrics.websocket('incoming');
        this.recovery.accept(item);
      },
      established: () => this.onEstablished(),
      lost: (reason) => this.onLost(reason),
      broken: (reason) => this.onBroken(reason),
      chatOver: () => this.endFromService('the service refused to reconnect'),
      deepHeartbeatSuccess: (info) => this.deepHeartbeat(true, info),
      deepHeartbeatFailure: (info) => this.deepHeartbeat(false, info),
    };
  }

  private deepHeartbeat(ok: boolean, info: unknown): void {
    this.features.metrics.websocket(ok ? 'deepHeartbeatSuccess' : 'deepHeartbeatFailure');
    const event = ok ? CHAT_EVENTS.DEEP_HEARTBEAT_SUCCESS : CHAT_EVENTS.DEEP_HEARTBEAT_FAILURE;
    this.bus.emit(event, { chatDetails: this.getChatDetails(), data: toInfo(info) });
  }

  private onEstablished(): void {
    if (this.state === 'ended' || this.state === 'connected') return;
    this.setState('connected');
    this.features.metrics.websocket('gained');
    this.bus.emit(CHAT_EVENTS.CONNECTION_ESTABLISHED, {
      chatDetails: this.getChatDetails(),
      data: { reconnected: this.establishedBefore },
    });
    const reconnected = this.establishedBefore;
    this.establishedBefore = true;
    this.refreshTrackedTranscript();
    this.firstLinkWaiter?.resolve();
    this.firstLinkWaiter = null;
    const resuming = this.resumePending;
    this.resumePending = false;
    if (resuming || (reconnected && (this.deps.recoverMissedMessages?.() ?? true))) {
      void this.recovery.recover(this.connectedAt).then((count) => {
        if (count > 0) this.logger.info(`Recovered ${count} transcript items after reconnecting`);
      });
    }
  }

  /** While onTranscriptUpdated has listeners, each new connection loads the latest 100 items (as upstream). */
  private refreshTrackedTranscript(): void {
    const token = this.provider.connectionToken;
    if (!token || !this.bus.hasListeners(CHAT_EVENTS.TRANSCRIPT_UPDATED)) return;
    const request: TranscriptRequest = { maxResults: 100, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING', startPosition: {} };
    this.deps
      .client()
      .getTranscript(token, request)
      .then((result) => this.afterTranscriptPage(request, result as { Transcript?: ChatTranscriptItem[]; NextToken?: string }))
      .catch((error: unknown) => this.logger.warn('Loading the transcript for onTranscriptUpdated failed', error));
  }

  private onLost(reason: ConnectionReason): void {
    if (this.state !== 'connected') return;
    if (this.participantLeft) {
      this.endFromService('the participant left');
      return;
    }
    this.setState('reconnecting');
    this.features.metrics.websocket('lost');
    this.bus.emit(CHAT_EVENTS.CONNECTION_LOST, { chatDetails: this.getChatDetails(), data: reason });
  }

  private onBroken(reason: ConnectionReason): void {
    if (this.state === 'ended' || this.state === 'broken') return;
    this.stopConnection();
    this.setState('broken');
    this.bus.emit(CHAT_EVENTS.CONNECTION_BROKEN, { chatDetails: this.getChatDetails(), data: reason });
    this.firstLinkWaiter?.reject(new IllegalStateException(`The websocket could not be established: ${reason.reason ?? 'unknown'}`));
    this.firstLinkWaiter = null;
  }

  /** The service told us the chat is gone: replay chat.ended as upstream does. */
  private endFromService(why: string): void {
    if (this.state === 'ended') return;
    this.logger.info(`Ending the session: ${why}`);
    this.deliverItem({ ...SYNTHETIC_CHAT_ENDED });
  }

  /** chat.ended: CHAT_ENDED runs after the item's own events, then every handler is dropped. */
  private finishChat(): void {
    if (this.state === 'ended') return;
    this.stopConnection();
    this.setState('ended');
    this.features.receipts.stop();
    this.features.metrics.websocket('ended');
    this.firstLinkWaiter?.reject(new IllegalStateException('The chat ended before the connection was established'));
    this.firstLinkWaiter = null;
    this.bus.emit(CHAT_EVENTS.CHAT_ENDED, { chatDetails: this.getChatDetails(), data: null }, () => this.bus.removeAllListeners());
  }

  private stopConnection(): void {
    this.refresher.stop();
    this.connection?.end();
    this.connection = null;
  }

  private setState(next: ControllerState): void {
    if (next === this.state) return;
    this.logger.debug(`state ${this.state} -> ${next}`);
    this.state = next;
  }

  /** Agents on Streams: mark the participant connected; a failure never fails connect(). */
  private acknowledgeAgent(): void {
    this.provider.acknowledge().catch((error: unknown) => {
      this.logger.warn('Participant acknowledgement (ConnectParticipant) failed', error);
    });
  }
}

function parseSessionId(content: string | undefined): string | undefined {
  if (!content) return undefined;
  try {
    const parsed = JSON.parse(content) as { SessionId?: unknown; sessionId?: unknown };
    const id = parsed.SessionId ?? parsed.sessionId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function toInfo(info: unknown): { timestamp?: number; error?: unknown; statusCode?: number } {
  return typeof info === 'object' && info !== null ? (info as { timestamp?: number }) : {};
}
