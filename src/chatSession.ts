// `connect.ChatSession`: the factory of chat sessions and the global settings they share.
import { ChatClient } from './client/chatClient.js';
import { globalConfig } from './config/globalConfig.js';
import { LOG_LEVELS, SESSION_TYPES } from './constants.js';
import { ChatLoggerBase } from './log/index.js';
import { csmService } from './metrics/csmService.js';
import { AgentChatSession } from './session/agentChatSession.js';
import { normalizeCreateArgs } from './session/args/chatArgs.js';
import { ChatCore } from './session/core/chatCore.js';
import { defaultCoreDeps } from './session/core/coreDeps.js';
import { CustomerChatSession } from './session/customerChatSession.js';
import type { AgentChatSessionArgs, ChatGlobalConfig, ChatSessionArgs, CustomerChatSessionArgs } from './types.js';

function create(args: CustomerChatSessionArgs): CustomerChatSession;
function create(args: AgentChatSessionArgs): AgentChatSession;
function create(args: ChatSessionArgs): CustomerChatSession | AgentChatSession;
/**
 * Creates a chat session. Unlike upstream, bad arguments throw an `IllegalArgumentException` naming the
 * field instead of returning a session without a controller.
 */
function create(args: ChatSessionArgs): CustomerChatSession | AgentChatSession {
  const normalized = normalizeCreateArgs(args, { customChatClient: globalConfig.getCustomChatClient() });
  globalConfig.updateStageRegionCell(normalized.options);
  const core = new ChatCore(normalized, defaultCoreDeps(normalized));
  return normalized.type === 'CUSTOMER' ? new CustomerChatSession(core) : new AgentChatSession(core);
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
  /** The base class of an app's own Participant Service client (upstream 5.2.0; see `customChatClient`). */
  ChatClient,
};

export type ChatSessionObject = typeof ChatSession;
