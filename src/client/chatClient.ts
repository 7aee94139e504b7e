// `connect.ChatSession.ChatClient`: the base class of an app's own Participant Service transport (upstream
// 5.2.0's `customChatClient`). Every method rejects until a subclass overrides it, so a client that routes
// only some calls fails the others clearly instead of with "x is not a function".
import { IllegalArgumentException, UnImplementedMethodException } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type {
  ChatClientConnection,
  ChatClientConnectionType,
  ChatClientLike,
  ChatClientResponse,
  ChatClientTranscriptArgs,
  ChatClientTranscriptPage,
  DescribeViewResult,
  GetAuthenticationUrlResult,
  SendAttachmentResult,
  SendEventResult,
  SendMessageResult,
} from '../types.js';

/** A chat cannot work without these. */
const CORE_METHODS = ['createParticipantConnection', 'disconnectParticipant', 'sendMessage', 'sendEvent', 'getTranscript'] as const;
/** Only the features that use them fail without these (attachments, views, authentication). */
const FEATURE_METHODS = ['sendAttachment', 'downloadAttachment', 'getAttachmentURL', 'describeView', 'getAuthenticationUrl', 'cancelParticipantAuthentication'] as const;

export type ChatClientMethod = (typeof CORE_METHODS)[number] | (typeof FEATURE_METHODS)[number];

/** The rejection of a call the client does not implement; the arguments are named only so subclasses can override. */
function notImplemented<T>(method: ChatClientMethod, ...args: unknown[]): Promise<T> {
  void args;
  return Promise.reject(new UnImplementedMethodException(`${method} is not implemented by the customChatClient; override it in your ChatClient subclass`));
}

/**
 * The base class of a custom chat client: extend it and override the calls your transport carries (at least
 * createParticipantConnection, disconnectParticipant, sendMessage, sendEvent and getTranscript).
 */
export class ChatClient implements ChatClientLike {
  createParticipantConnection(
    participantToken: string | null,
    type: ChatClientConnectionType[] | null,
    acknowledgeConnection: boolean | null,
  ): Promise<ChatClientResponse<ChatClientConnection>> {
    return notImplemented('createParticipantConnection', participantToken, type, acknowledgeConnection);
  }

  disconnectParticipant(connectionToken: string | null): Promise<ChatClientResponse<object>> {
    return notImplemented('disconnectParticipant', connectionToken);
  }

  sendMessage(connectionToken: string | null, content: string, contentType: string, clientToken?: string): Promise<ChatClientResponse<SendMessageResult>> {
    return notImplemented('sendMessage', connectionToken, content, contentType, clientToken);
  }

  sendEvent(connectionToken: string | null, contentType: string, content?: string, clientToken?: string): Promise<ChatClientResponse<SendEventResult>> {
    return notImplemented('sendEvent', connectionToken, contentType, content, clientToken);
  }

  getTranscript(connectionToken: string | null, args: ChatClientTranscriptArgs): Promise<ChatClientResponse<ChatClientTranscriptPage>> {
    return notImplemented('getTranscript', connectionToken, args);
  }

  sendAttachment(connectionToken: string | null, attachment: Blob & { name: string }, metadata: unknown): Promise<ChatClientResponse<SendAttachmentResult>> {
    return notImplemented('sendAttachment', connectionToken, attachment, metadata);
  }

  downloadAttachment(connectionToken: string | null, attachmentId: string): Promise<Blob> {
    return notImplemented('downloadAttachment', connectionToken, attachmentId);
  }

  getAttachmentURL(connectionToken: string | null, attachmentId: string): Promise<string> {
    return notImplemented('getAttachmentURL', connectionToken, attachmentId);
  }

  describeView(viewToken: string, connectionToken: string | null): Promise<ChatClientResponse<DescribeViewResult>> {
    return notImplemented('describeView', viewToken, connectionToken);
  }

  getAuthenticationUrl(connectionToken: string | null, redirectUri: string, sessionId: string): Promise<ChatClientResponse<GetAuthenticationUrlResult>> {
    return notImplemented('getAuthenticationUrl', connectionToken, redirectUri, sessionId);
  }

  cancelParticipantAuthentication(connectionToken: string | null, sessionId: string): Promise<ChatClientResponse<object>> {
    return notImplemented('cancelParticipantAuthentication', connectionToken, sessionId);
  }
}

/** `value` as a custom client, or null when absent; anything but an object is refused, naming `field`. */
export function toCustomChatClient(value: unknown, field: string): ChatClientLike | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') {
    throw new IllegalArgumentException(`${field} must be an object with the ChatClient methods (extend connect.ChatSession.ChatClient), got ${typeof value}`, field);
  }
  return value as ChatClientLike;
}

/** The methods `client` leaves to the base class's rejection (or lacks), by how much a chat needs them. */
export function unimplementedMethods(client: ChatClientLike): { core: ChatClientMethod[]; features: ChatClientMethod[] } {
  const fields = client as unknown as Record<string, unknown>;
  const missing = (name: ChatClientMethod): boolean => typeof fields[name] !== 'function' || fields[name] === ChatClient.prototype[name];
  return { core: CORE_METHODS.filter(missing), features: FEATURE_METHODS.filter(missing) };
}

/** Says once, when a session starts with `client`, which of its calls will fail (as upstream: logged, not thrown). */
export function reportUnimplementedMethods(client: ChatClientLike, logger: Logger): void {
  const { core, features } = unimplementedMethods(client);
  if (core.length > 0) logger.error(`customChatClient does not implement ${core.join(', ')}: a chat needs them, and these calls will fail`);
  if (features.length > 0) logger.warn(`customChatClient does not implement ${features.join(', ')}: the features that use them will fail`);
}
