// The package entry for bundlers: importing it installs the `connect` global (as the script tag does)
// and gives typed named exports.
import './global.js';
import './globalTypes.js';

export { ChatSession, type ChatSessionObject } from './chatSession.js';
export { ChatClient } from './client/chatClient.js';
export { CHATJS_METADATA } from './global.js';
export { CustomerChatSession } from './session/customerChatSession.js';
export { AgentChatSession } from './session/agentChatSession.js';
export { ChatSessionBase } from './session/chatSessionBase.js';
export type { ChatController, CustomerChatController, AgentChatController } from './session/controllerFacade.js';
export {
  WebSocketManager,
  WebSocketManagerLogger,
  MANAGER_DEFAULTS,
  type WebSocketManagerModule,
  type WebSocketManagerInstance,
  type WebSocketManagerOptions,
  type WebSocketManagerGlobalConfig,
} from './transport/index.js';
export { logManager as LogManager, ChatLoggerBase, type LogManager as LogManagerClass, type GetLoggerOptions, type LogMetadata } from './log/index.js';
export type { Logger } from './log/logger.js';
export { csmService, type CsmService } from './metrics/csmService.js';
export { CONTENT_TYPE, CHAT_EVENTS, LOG_LEVELS as LogLevel, SESSION_TYPES as SessionTypes, MESSAGE_STATUS } from './constants.js';
export {
  ValueError,
  IllegalArgumentException,
  IllegalStateException,
  UnImplementedMethodException,
  IllegalJsonException,
  ChatServiceError,
  AttachmentError,
  ReceiptsDisabledError,
  ChatEndedException,
  UnknownResumeItemException,
  isChatServiceError,
  DisconnectReason,
} from './errors.js';
// `export *`, not `export type *`: TypeScript 4.9 (the oldest we support) cannot read the latter in
// declarations. types.ts holds types only; transport/types.ts adds the DisconnectReason value.
export * from './types.js';
export * from './transport/types.js';
export { VERSION } from './version.js';
export * as interactive from './interactive/index.js';
export { InteractiveTemplateError } from './interactive/index.js';
export type { InteractiveTemplate, InteractiveResponse, InteractiveMessage } from './interactive/index.js';
