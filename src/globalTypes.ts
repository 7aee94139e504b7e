// Types the global `connect` namespace for pages that use the script-tag bundle (or import the package
// for its side effect). As upstream, only `ChatSession` and `ChatJS` are declared as values, so the
// declarations merge with Amazon Connect Streams' own `connect` namespace without conflicts.
import type { ChatSessionObject } from './chatSession.js';
import type { CHATJS_METADATA } from './global.js';
import type * as T from './types.js';
import type { AgentChatSession as Agent } from './session/agentChatSession.js';
import type { CustomerChatSession as Customer } from './session/customerChatSession.js';

declare global {
  namespace connect {
    const ChatSession: ChatSessionObject;
    const ChatJS: typeof CHATJS_METADATA;

    type ChatSessionObjectType = ChatSessionObject;
    type AgentChatSession = Agent;
    type CustomerChatSession = Customer;
    type ChatSessionInterface = Agent | Customer;
    type ChatSessionType = T.ChatSessionType;
    type ChatLogLevel = T.ChatLogLevel;
    type ChatDetailsInput = T.ChatDetailsInput;
    type ChatSessionOptions = T.ChatSessionOptions;
    type ChatSessionArgs = T.ChatSessionArgs;
    type CustomerChatSessionArgs = T.CustomerChatSessionArgs;
    type AgentChatSessionArgs = T.AgentChatSessionArgs;
    type ChatGlobalConfig = T.ChatGlobalConfig;
    type ChatLogger = T.ChatLogger;
    type ChatDetails = T.ChatDetails;
    type ChatTranscriptItem = T.ChatTranscriptItem;
    type AttachmentItem = T.AttachmentItem;
    type MessageProcessingStatus = T.MessageProcessingStatus;
    type ParticipantServiceResponse<D, M = unknown> = T.ParticipantServiceResponse<D, M>;
    type WithMetadata<D, M = unknown> = T.WithMetadata<D, M>;
    type ConnectArgs<M = unknown> = T.ConnectArgs<M>;
    type ConnectChatResult<M = unknown> = T.ConnectChatResult<M>;
    type SendMessageArgs<M = unknown> = T.SendMessageArgs<M>;
    type SendMessageResult = T.SendMessageResult;
    type SendEventArgs<M = unknown> = T.SendEventArgs<M>;
    type SendEventResult = T.SendEventResult;
    type SendAttachmentArgs<M = unknown> = T.SendAttachmentArgs<M>;
    type SendAttachmentResult = T.SendAttachmentResult;
    type DownloadAttachmentArgs<M = unknown> = T.DownloadAttachmentArgs<M>;
    type GetAttachmentURLArgs<M = unknown> = T.GetAttachmentURLArgs<M>;
    type GetTranscriptArgs<M = unknown> = T.GetTranscriptArgs<M>;
    type GetTranscriptResult = T.GetTranscriptResult;
    type DescribeViewArgs<M = unknown> = T.DescribeViewArgs<M>;
    type DescribeViewResult = T.DescribeViewResult;
    type GetAuthenticationUrlArgs<M = unknown> = T.GetAuthenticationUrlArgs<M>;
    type GetAuthenticationUrlResult = T.GetAuthenticationUrlResult;
    type CancelParticipantAuthenticationArgs<M = unknown> = T.CancelParticipantAuthenticationArgs<M>;
    type View = T.View;
    type ChatMessageEvent = T.ChatMessageEvent;
    type ChatTypingEvent = T.ChatTypingEvent;
    type ChatConnectionEstablishedEvent = T.ChatConnectionEstablishedEvent;
    type ChatConnectionLostEvent = T.ChatConnectionLostEvent;
    type ChatConnectionBrokenEvent = T.ChatConnectionBrokenEvent;
    type ChatEndedEvent = T.ChatEndedEvent;
    type ChatTranscriptUpdatedEvent = T.ChatTranscriptUpdatedEvent;
    type ChatAuthenticationInitiatedEvent = T.ChatAuthenticationInitiatedEvent;
    type ChatParticipantDisplayNameUpdatedEvent = T.ChatParticipantDisplayNameUpdatedEvent;
    type WebSocketManager = T.WebSocketManagerLike;
  }
}

export {};
