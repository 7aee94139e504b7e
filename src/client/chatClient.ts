// `connect.ChatSession.ChatClient`: the base class of an app's own Participant Service transport (upstream
// 5.2.0's `customChatClient`). Every method rejects until a subclass overrides it, so a client that routes
// only some calls fails the others clearly instead of with "x is not a function".
import { IllegalArgumentException, UnImplementedMethodException } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { ChatClientLike } from '../types.js';

/** A chat cannot work without these. */
const CORE_METHODS = ['createParticipantConnection', 'disconnectParticipant', 'sendMessage', 'sendEvent', 'getTranscript'] as const;
/** Only the features that use them fail without these (attachments, views, authentication). */
const FEATURE_METHODS = ['sendAttachment', 'downloadAttachment', 'getAttachmentURL', 'describeView', 'getAuthenticationUrl', 'cancelParticipantAuthentication'] as const;

export type ChatClientMethod = (typeof CORE_METHODS)[number] | (typeof FEATURE_METHODS)[number];

/**
 * The base class of a custom chat client: extend it and override the calls your transport carries (at least
 * createParticipantConnection, disconnectParticipant, sendMessage, sendEvent and getTranscript). Its methods
 * are those of `ChatClientLike`; each one it leaves alone rejects `UnImplementedMethodException`.
 */
export class ChatClient {}
// The methods come from ChatClientLike through this merge; they are filled in below, one loop instead of
// eleven stubs (this class ships in the script-tag bundle).
export interface ChatClient extends ChatClientLike {}
for (const method of [...CORE_METHODS, ...FEATURE_METHODS]) {
  (ChatClient.prototype as unknown as Record<ChatClientMethod, () => Promise<never>>)[method] = () =>
    Promise.reject(new UnImplementedMethodException(`customChatClient: ${method} is not implemented`));
}

/** `value` as a custom client, or null when absent; anything but an object is refused, naming `field`. */
export function toCustomChatClient(value: unknown, field: string): ChatClientLike | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') {
    throw new IllegalArgumentException(`${field} must be a ChatClient (an object), got ${typeof value}`, field);
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
  if (core.length > 0) logger.error(`customChatClient lacks ${core.join(', ')}: a chat needs them`);
  if (features.length > 0) logger.warn(`customChatClient lacks ${features.join(', ')}: those features will fail`);
}
