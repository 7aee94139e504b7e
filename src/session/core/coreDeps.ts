// What a chat's core is built with. ChatSession.create() passes defaultCoreDeps(); unit tests pass fakes.
// Every setting is read when used, so a later setGlobalConfig() reaches sessions that already exist.
import { downloadAttachment, getAttachmentUrl, getParticipantClient, uploadAttachment } from '../../client/index.js';
import { reportUnimplementedMethods } from '../../client/chatClient.js';
import { customAttachments, customClientAdapters } from '../../client/customClientAdapter.js';
import { globalConfig } from '../../config/globalConfig.js';
import { logManager } from '../../log/logManager.js';
import type { Logger } from '../../log/logger.js';
import { findWebSocket, WebSocketManager } from '../../transport/index.js';
import type { ChatClientLike, WebSocketManagerLike } from '../../types.js';
import type { NormalizedCreateArgs } from '../args/chatArgs.js';
import type { ClientUse, SessionParticipantClient, SessionServices } from '../outgoing/clientAccess.js';
import { regionalParticipantUrl } from '../../client/sdkOptions.js';
import { detectTabEnvironment, type TabSupport } from '../tabs/tabEnvironment.js';

/** What a core is built with (ChatSession.create: defaultCoreDeps in coreDeps.ts; tests: fakes). */
export interface ChatCoreDeps extends SessionServices {
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
  /** The browser's tabs (BroadcastChannel, Web Locks, sessionStorage, page events); absent: no tab features. */
  tabEnvironment?: () => TabSupport;
  /** The Participant Service URL (leave-on-close sends its keepalive request there). */
  serviceUrl?: () => string;
}

/** A logger whose lines name the session (contact, participant, type, region). */
export function sessionLogger(args: NormalizedCreateArgs, prefix: string): Logger {
  const { contactId, participantId } = args.chatDetails;
  const region = globalConfig.resolveRegion(args.options.region);
  return logManager.getLogger({ prefix, metadata: { contactId, participantId, sessionType: args.type, region } });
}

/**
 * The Participant client and attachment operations of one session, built once. The client is looked up
 * per call (from a cache keyed by region, endpoint and user-agent suffix), so config changes reach it.
 */
function sessionServices(args: NormalizedCreateArgs): SessionServices {
  const logger = sessionLogger(args, 'Amazon-Connect-ChatJS-ChatClient');
  if (args.customChatClient) return customClientServices(args, args.customChatClient, logger);
  const participantClient = (use: ClientUse = 'default'): ReturnType<typeof getParticipantClient> =>
    getParticipantClient({
      region: globalConfig.resolveRegion(args.options.region),
      endpoint: globalConfig.getEndpointFor(globalConfig.resolveRegion(args.options.region)),
      customUserAgentSuffix: globalConfig.getCustomUserAgentSuffix(),
      logger,
      ...(use === 'default' ? {} : { retry: { maxAttempts: 1 } }),
    });
  const attachments = {
    upload: (token, file, options) =>
      uploadAttachment(participantClient(), token, file, { ...options, voiceNoteConverter: globalConfig.getVoiceNoteConverter() }),
    download: (token, attachmentId) => downloadAttachment(participantClient(), token, attachmentId),
    url: (token, attachmentId) => getAttachmentUrl(participantClient(), token, attachmentId),
  } satisfies SessionServices['attachments'];
  const client: (use?: ClientUse) => SessionParticipantClient = participantClient;
  return { client, attachments };
}

/**
 * The same services over the app's own client (upstream 5.2.0's customChatClient), fixed for the session as
 * upstream fixes it. Its calls go through the same session code (outbox, token renewal, receipts, typing throttle).
 */
function customClientServices(args: NormalizedCreateArgs, client: ChatClientLike, logger: Logger): SessionServices {
  reportUnimplementedMethods(client, logger);
  if (args.tabs.leaveOnClose) logger.warn('tabs.leaveOnClose does nothing with a customChatClient: its keepalive request would go to the service directly');
  const { retrying, once } = customClientAdapters(client, logger);
  const attachments = customAttachments(client, logger, { voiceNoteConverter: () => globalConfig.getVoiceNoteConverter() });
  return { client: (use: ClientUse = 'default') => (use === 'default' ? retrying : once), attachments: attachments satisfies SessionServices['attachments'] };
}

export function defaultCoreDeps(args: NormalizedCreateArgs): ChatCoreDeps {
  const { features } = args;
  return {
    ...sessionServices(args),
    // The online check and WebSocket come from the shared network settings (transport/networkSettings.ts),
    // read at each check, so a later setGlobalConfig({ webSocketManagerConfig }) reaches live sessions.
    createManager: () => WebSocketManager.create({ logger: sessionLogger(args, 'ChatJS-WebSocketManager') }),
    hasWebSocket: () => findWebSocket() !== undefined,
    logger: sessionLogger(args, 'ChatJS-ChatController'),
    recoverMissedMessages: () => features.recoverMissedMessages ?? globalConfig.isRecoverMissedMessagesEnabled(),
    receiptsEnabled: () => features.messageReceipts?.shouldSendMessageReceipts ?? globalConfig.isMessageReceiptsEnabled(),
    receiptThrottleMs: () => features.messageReceipts?.throttleTime ?? globalConfig.getMessageReceiptsThrottleTime(),
    tabEnvironment: () => detectTabEnvironment(),
    // With a custom client the service's URL is unknown here (and may not be reachable): no keepalive leave.
    serviceUrl: args.customChatClient
      ? undefined
      : () => {
          const region = globalConfig.resolveRegion(args.options.region);
          return globalConfig.getEndpointFor(region) ?? regionalParticipantUrl(region);
        },
  };
}
