// Types the global `connect` namespace for pages that use the script-tag bundle (or import the package
// for its side effect). Every type name amazon-connect-chatjs 5.0.0 declares there exists here, with a
// shape that accepts code written against 5.0.0. As upstream, only `ChatSession` and `ChatJS` are values,
// so these declarations merge with Amazon Connect Streams' own `connect` namespace.
//
// The imports use long aliases on purpose: inside `namespace connect`, a short name such as `Agent` would
// resolve to Streams' `connect.Agent` instead of the import.
import type { ChatSessionObject as ChatJsSessionObject } from './chatSession.js';
import type { CsmService as ChatJsCsmService } from './metrics/csmService.js';
import type { ChatSessionBase as ChatJsSessionBase } from './session/chatSessionBase.js';
import type { AgentChatSession as ChatJsAgentSession } from './session/agentChatSession.js';
import type { CustomerChatSession as ChatJsCustomerSession } from './session/customerChatSession.js';
import type { ChatController as ChatJsController } from './session/controllerFacade.js';
import type * as ChatJsTypes from './types.js';

declare global {
  namespace connect {
    const ChatSession: ChatSessionObject;
    const ChatJS: ChatJSObject;

    interface ChatJSObject {
      readonly version: string;
      readonly name: string;
      readonly source: string;
      readonly repository: string;
      readonly build: { readonly timestamp: string; readonly environment: 'production' | 'development' };
    }

    // The factory and its helpers.
    type ChatSessionObject = ChatJsSessionObject;
    type CSMService = ChatJsCsmService;
    interface SetFeatureFlag {
      (feature: string): void;
    }
    interface SetRegionOverride {
      (regionOverride: string | null): void;
    }
    /** A logger object: what `loggerConfig.customizedLogger` may be, and the shape of `ChatSession.Logger`. */
    type ChatLogger = {
      debug(...args: unknown[]): unknown;
      info(...args: unknown[]): unknown;
      warn(...args: unknown[]): unknown;
      error(...args: unknown[]): unknown;
    };

    // Enum-like objects, as 5.0.0 declares them (use `X[keyof X]` for the values).
    interface ChatSessionTypes {
      readonly AGENT: 'AGENT';
      readonly CUSTOMER: 'CUSTOMER';
    }
    interface ChatLogLevel {
      readonly DEBUG: 10;
      readonly INFO: 20;
      readonly WARN: 30;
      readonly ERROR: 40;
    }
    interface MessageProcessingStatus {
      readonly PROCESSING: 'PROCESSING';
      readonly FAILED: 'FAILED';
      readonly REJECTED: 'REJECTED';
    }
    interface NetworkLinkStatus {
      readonly NeverEstablished: 'NeverEstablished';
      readonly Establishing: 'Establishing';
      readonly Established: 'Established';
      readonly Broken: 'Broken';
    }
    interface ViewStatus {
      readonly PUBLISHED: 'PUBLISHED';
      readonly SAVED: 'SAVED';
    }
    interface ViewType {
      readonly AWS_MANAGED: 'AWS_MANAGED';
      readonly CUSTOMER_MANAGED: 'CUSTOMER_MANAGED';
    }

    // Creating sessions.
    type ChatDetailsInput = ChatJsTypes.ChatDetailsInput;
    type ChatSessionOptions = ChatJsTypes.ChatSessionOptions;
    type ChatSessionArgs = ChatJsTypes.ChatSessionArgs;
    type CustomerChatSessionArgs = ChatJsTypes.CustomerChatSessionArgs;
    type AgentChatSessionArgs = ChatJsTypes.AgentChatSessionArgs;
    type ChatGlobalConfig = ChatJsTypes.ChatGlobalConfig;
    /**
     * The websocket manager an agent session runs on (Streams' `connect.core.getWebSocketManager()`).
     * An interface with method members, so that it merges with Streams' own `connect.WebSocketManager`
     * declaration into one type that `create({ websocketManager })` accepts. Same members as
     * `WebSocketManagerLike`.
     */
    interface WebSocketManager {
      subscribeTopics(topics: string[]): void;
      onMessage(topic: string, cb: (frame: ChatJsTypes.WebSocketFrame) => void): ChatJsTypes.Unsubscribe | void;
      onConnectionGain(cb: () => void): ChatJsTypes.Unsubscribe | void;
      onConnectionLost(cb: (info?: unknown) => void): ChatJsTypes.Unsubscribe | void;
      onInitFailure(cb: (info?: unknown) => void): ChatJsTypes.Unsubscribe | void;
      onDeepHeartbeatSuccess?(cb: (info?: unknown) => void): ChatJsTypes.Unsubscribe | void;
      onDeepHeartbeatFailure?(cb: (info?: unknown) => void): ChatJsTypes.Unsubscribe | void;
      sendMessage?(frame: ChatJsTypes.WebSocketFrame): void;
      init?(transport: () => Promise<ChatJsTypes.WebSocketTransportResult>): unknown;
      closeWebSocket?(): void;
    }

    // Sessions and their controller.
    type ChatSessionInterface = ChatJsSessionBase;
    type AgentChatSession = ChatJsAgentSession;
    type CustomerChatSession = ChatJsCustomerSession;
    type ChatController = ChatJsController;
    type ChatDetails = ChatJsTypes.ChatDetails;

    // Content types.
    type ChatMessageContentType = ChatJsTypes.ChatMessageContentType;
    type ChatEventContentType = ChatJsTypes.ChatEventContentType;
    type ChatContentType = ChatJsTypes.ChatContentType;

    // Results and their wrappers.
    /**
     * 5.0.0's name for a call's result. Only `data` (and `metadata`) are ever set; the other fields are
     * declared optional because 5.0.0 never filled them either.
     */
    interface AWSResponse<D> {
      data: D | void;
      error?: Error | void;
      requestId?: string;
      redirectCount?: number;
      retryCount?: number;
    }
    type ChatMetadata<T> = ChatJsTypes.ChatMetadata<T>;
    type WithMetadata<D, M = unknown> = ChatJsTypes.WithMetadata<D, M>;
    type ParticipantServiceResponse<D, M = unknown> = ChatJsTypes.ParticipantServiceResponse<D, M>;
    type ConnectArgs<M = unknown> = ChatJsTypes.ConnectArgs<M>;
    type ConnectChatResult<M = unknown> = ChatJsTypes.ConnectChatResult<M>;

    // Arguments and results of each call.
    type SendMessageArgs<M = unknown> = ChatJsTypes.SendMessageArgs<M>;
    type SendMessageResult = ChatJsTypes.SendMessageResult;
    type SendEventArgs<M = unknown> = ChatJsTypes.SendEventArgs<M>;
    type SendEventResult = ChatJsTypes.SendEventResult;
    type SendMessageReceiptArgs<M = unknown> = ChatJsTypes.SendMessageReceiptArgs<M>;
    type SendAttachmentArgs<M = unknown> = ChatJsTypes.SendAttachmentArgs<M>;
    type SendAttachmentResult = ChatJsTypes.SendAttachmentResult;
    type DownloadAttachmentArgs<M = unknown> = ChatJsTypes.DownloadAttachmentArgs<M>;
    type GetAttachmentURLArgs<M = unknown> = ChatJsTypes.GetAttachmentURLArgs<M>;
    type GetAttachmentURLResult = ChatJsTypes.GetAttachmentURLResult;
    type GetTranscriptArgs<M = unknown> = ChatJsTypes.GetTranscriptArgs<M>;
    type GetTranscriptResult = ChatJsTypes.GetTranscriptResult;
    type DescribeViewArgs<M = unknown> = ChatJsTypes.DescribeViewArgs<M>;
    type DescribeViewResult = ChatJsTypes.DescribeViewResult;
    type View = ChatJsTypes.View;
    type ViewContent = ChatJsTypes.ViewContent;
    type GetAuthenticationUrlArgs<M = unknown> = ChatJsTypes.GetAuthenticationUrlArgs<M>;
    type GetAuthenticationUrlResult = ChatJsTypes.GetAuthenticationUrlResult;
    type CancelParticipantAuthenticationArgs<M = unknown> = ChatJsTypes.CancelParticipantAuthenticationArgs<M>;

    // Items and event payloads.
    type ChatTranscriptItem = ChatJsTypes.ChatTranscriptItem;
    type AttachmentItem = ChatJsTypes.AttachmentItem;
    type ChatEventData = ChatJsTypes.ChatEventData;
    type ChatMessageEvent = ChatJsTypes.ChatMessageEvent;
    type ChatTypingEvent = ChatJsTypes.ChatTypingEvent;
    type ChatConnectionEstablishedEvent = ChatJsTypes.ChatConnectionEstablishedEvent;
    type ChatConnectionLostEvent = ChatJsTypes.ChatConnectionLostEvent;
    type ChatConnectionBrokenEvent = ChatJsTypes.ChatConnectionBrokenEvent;
    type ChatEndedEvent = ChatJsTypes.ChatEndedEvent;
    type ChatTranscriptUpdatedEvent = ChatJsTypes.ChatTranscriptUpdatedEvent;
    type ChatAuthenticationInitiatedEvent = ChatJsTypes.ChatAuthenticationInitiatedEvent;
    type ChatParticipantDisplayNameUpdatedEvent = ChatJsTypes.ChatParticipantDisplayNameUpdatedEvent;

    // Names upstream added after 5.0.0 (5.1.0).
    type ChatFeaturesConfig = ChatJsTypes.ChatFeatures;
    type MessageReceiptsConfig = NonNullable<ChatJsTypes.ChatFeatures['messageReceipts']>;

    // A custom chat client (upstream 5.2.0): `customChatClient` and `connect.ChatSession.ChatClient`.
    type ChatClientLike = ChatJsTypes.ChatClientLike;
    type ChatClientResponse<D> = ChatJsTypes.ChatClientResponse<D>;
    type ChatClientConnection = ChatJsTypes.ChatClientConnection;
    type ChatClientConnectionType = ChatJsTypes.ChatClientConnectionType;
    type ChatClientTranscriptArgs = ChatJsTypes.ChatClientTranscriptArgs;
    type ChatClientTranscriptPage = ChatJsTypes.ChatClientTranscriptPage;

    // Names of this SDK that 5.0.0 did not have.
    type ChatSessionType = ChatJsTypes.ChatSessionType;
    type ChatEventBus = ChatJsTypes.ChatEventBus;
    type ChatSessionObjectType = ChatJsSessionObject;
  }
}

export {};
