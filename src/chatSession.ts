// `connect.ChatSession`: the factory of chat sessions and the global settings they share.
import { downloadAttachment, getAttachmentUrl, getParticipantClient, uploadAttachment } from './client/index.js';
import { globalConfig } from './config/globalConfig.js';
import { LOG_LEVELS, SESSION_TYPES } from './constants.js';
import { ChatLoggerBase, logManager } from './log/index.js';
import type { Logger } from './log/logger.js';
import { csmService } from './metrics/csmService.js';
import { AgentChatSession } from './session/agentChatSession.js';
import { normalizeCreateArgs, type NormalizedCreateArgs } from './session/chatArgs.js';
import { ChatController, type ControllerDeps } from './session/chatController.js';
import type { AttachmentOperations, ClientUse, SessionParticipantClient } from './session/clientAccess.js';
import { CustomerChatSession } from './session/customerChatSession.js';
import { findWebSocket, WebSocketManager } from './transport/index.js';
import type { AgentChatSessionArgs, ChatGlobalConfig, ChatSessionArgs, CustomerChatSessionArgs } from './types.js';

function sessionLogger(args: NormalizedCreateArgs, prefix: string): Logger {
  const { contactId, participantId } = args.chatDetails;
  const region = globalConfig.resolveRegion(args.options.region);
  return logManager.getLogger({ prefix, metadata: { contactId, participantId, sessionType: args.type, region } });
}

/** The parts a controller talks to; the client is resolved per call so config changes reach live sessions. */
function controllerDeps(args: NormalizedCreateArgs): ControllerDeps {
  const logger = sessionLogger(args, 'ChatJS-ChatController');
  const clientLogger = sessionLogger(args, 'Amazon-Connect-ChatJS-ChatClient');
  const client = (use: ClientUse = 'default', region = globalConfig.resolveRegion(args.options.region)): ReturnType<typeof getParticipantClient> =>
    getParticipantClient({
      region,
      endpoint: globalConfig.getEndpointFor(region),
      customUserAgentSuffix: globalConfig.getCustomUserAgentSuffix(),
      logger: clientLogger,
      ...(use === 'default' ? {} : { retry: { maxAttempts: 1 } }),
    });
  // Built once per session: each operation looks up the client and the converter when it runs.
  const attachmentOperations: AttachmentOperations = {
    upload: (token, file, options) =>
      uploadAttachment(client(), token, file, { ...options, voiceNoteConverter: globalConfig.getVoiceNoteConverter() }),
    download: (token, attachmentId) => downloadAttachment(client(), token, attachmentId),
    url: (token, attachmentId) => getAttachmentUrl(client(), token, attachmentId),
  };
  const attachments = (): AttachmentOperations => attachmentOperations;
  const createManager = (): ReturnType<ControllerDeps['createManager']> =>
    WebSocketManager.create({
      // The online check and WebSocket come from the shared network settings (transport/networkSettings.ts),
      // read at each check, so a later setGlobalConfig({ webSocketManagerConfig }) reaches live sessions.
      logger: sessionLogger(args, 'ChatJS-WebSocketManager'),
    });
  const features = args.features;
  return {
    client: client as (use?: ClientUse) => SessionParticipantClient,
    attachments,
    createManager,
    // findWebSocket reads the shared network settings, which setGlobalConfig writes.
    hasWebSocket: () => findWebSocket() !== undefined,
    logger,
    recoverMissedMessages: () => features.recoverMissedMessages ?? globalConfig.isRecoverMissedMessagesEnabled(),
    receiptsEnabled: () => features.messageReceipts?.shouldSendMessageReceipts ?? globalConfig.isMessageReceiptsEnabled(),
    receiptThrottleMs: () => features.messageReceipts?.throttleTime ?? globalConfig.getMessageReceiptsThrottleTime(),
  };
}

function create(args: CustomerChatSessionArgs): CustomerChatSession;
function create(args: AgentChatSessionArgs): AgentChatSession;
function create(args: ChatSessionArgs): CustomerChatSession | AgentChatSession;
/**
 * Creates a chat session. Unlike upstream, bad arguments throw an `IllegalArgumentException` naming the
 * field instead of returning a session without a controller.
 */
function create(args: ChatSessionArgs): CustomerChatSession | AgentChatSession {
  const normalized = normalizeCreateArgs(args);
  globalConfig.updateStageRegionCell(normalized.options);
  const controller = new ChatController(normalized, controllerDeps(normalized));
  if (normalized.type === 'CUSTOMER' && !normalized.disableCSM) csmService.initializeCSM();
  return normalized.type === 'CUSTOMER' ? new CustomerChatSession(controller) : new AgentChatSession(controller);
}

function setGlobalConfig(config: ChatGlobalConfig): void {
  globalConfig.update(config);
}

/** The object installed as `connect.ChatSession`. */
export const ChatSession = {
  create,
  setGlobalConfig,
  LogLevel: LOG_LEVELS,
  Logger: ChatLoggerBase,
  SessionTypes: SESSION_TYPES,
  csmService,
  setFeatureFlag: (feature: string): void => globalConfig.setFeatureFlag(feature),
  setRegionOverride: (region: string | null): void => globalConfig.setRegionOverride(region),
};

export type ChatSessionObject = typeof ChatSession;
