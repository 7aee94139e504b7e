// How a core wires its optional features (../features) to the chat: the bus they emit on, the settings
// they read. Kept apart so the core's constructor only names its parts.
import { CHAT_EVENTS } from '../../constants.js';
import type { ChatDetails } from '../../types.js';
import { SessionConnection } from '../link/sessionConnection.js';
import { resolveOutboxStore } from '../outgoing/outbox/outboxStore.js';
import { ServiceCalls, type ServiceCallContext } from '../outgoing/serviceCalls.js';
import { TabAwareCalls } from '../tabs/tabAwareCalls.js';
import type { SharedLinkOptions } from '../tabs/sharedConnection.js';
import type { NormalizedCreateArgs } from '../args/chatArgs.js';
import type { EventBus } from '../events/eventBus.js';
import type { SessionEventMap } from '../events/sessionEvents.js';
import { createSessionFeatures, type SessionFeatures } from '../features/index.js';
import type { ChatCoreDeps } from './coreDeps.js';
import { leaveRequest, leaveRequestPerToken } from '../tabs/leaveRequest.js';
import { TabShare } from '../tabs/tabShare.js';

export function sessionFeatures(
  args: NormalizedCreateArgs,
  deps: ChatCoreDeps,
  bus: EventBus<SessionEventMap>,
  chatDetails: () => ChatDetails,
): SessionFeatures {
  return createSessionFeatures({
    args,
    logger: deps.logger,
    chatDetails,
    emitTranscript: (transcript, previousTranscriptNextToken) =>
      bus.emit(CHAT_EVENTS.TRANSCRIPT_UPDATED, { chatDetails: chatDetails(), data: { transcript, previousTranscriptNextToken } }),
    hasTranscriptListeners: () => bus.hasListeners(CHAT_EVENTS.TRANSCRIPT_UPDATED),
    receiptsEnabled: () => deps.receiptsEnabled?.() ?? true,
    receiptThrottleMs: () => deps.receiptThrottleMs?.() ?? 5000,
  });
}

/**
 * The session's tab features (../tabs), or null when none is on or the environment has no tabs (Node,
 * tests with fakes). A browser that refuses BroadcastChannel gets one socket per tab, with a warning.
 */
export function tabShare(args: NormalizedCreateArgs, deps: ChatCoreDeps, connectionToken: () => string | null): TabShare | null {
  const { shareConnection, restoreOnReload, leaveOnClose } = args.tabs;
  if (!(shareConnection || restoreOnReload || leaveOnClose) || !deps.tabEnvironment) return null;
  const support = deps.tabEnvironment();
  if (support.environment === null) {
    const refused = support.problem.startsWith('the browser refused');
    const message = `Tab features off (${support.problem}): this tab keeps its own websocket`;
    if (refused) deps.logger.warn(message);
    else deps.logger.info(message);
    return null;
  }
  const serviceUrl = deps.serviceUrl;
  const leaveFor = serviceUrl ? leaveRequestPerToken((token) => leaveRequest(serviceUrl(), token)) : null;
  return new TabShare({
    args,
    environment: support.environment,
    logger: deps.logger,
    leaveRequest: () => {
      const token = connectionToken();
      return token && leaveFor ? leaveFor(token) : null;
    },
  });
}

/** The link of one connect, whichever kind: the session's own, or one shared with the chat's other tabs. */
export type CoreConnection = Pick<SessionConnection, 'start' | 'end' | 'ownsManager'>;

/**
 * A customer's manager is always driven by the session (a given one is one the app configured, e.g. with its
 * own WebSocket); an agent's given manager is Streams', which Streams drives. Customers share one websocket
 * with the chat's other tabs unless they opted out (../tabs); a following tab never creates a manager.
 */
export function createConnection(args: NormalizedCreateArgs, deps: ChatCoreDeps, tabs: TabShare | null, link: SharedLinkOptions): CoreConnection {
  const given = args.websocketManager;
  const ownsManager = given === null || args.type === 'CUSTOMER';
  const shared = ownsManager ? tabs?.link(link, given, () => deps.createManager()) : null;
  return shared ?? new SessionConnection({ ...link, manager: given ?? deps.createManager(), ownsManager });
}

/** The session's service calls and outbox; a following tab's sends go through the holding tab (../tabs). */
export function sessionCalls(args: NormalizedCreateArgs, context: ServiceCallContext, tabs: TabShare | null): ServiceCalls {
  const { contactId, participantId } = args.chatDetails;
  const outbox = { key: `${contactId}:${participantId}`, store: resolveOutboxStore(args.outbox.store), maxWaitMs: args.outbox.maxWaitMs };
  if (!tabs) return new ServiceCalls(context, outbox);
  const calls = new TabAwareCalls(context, outbox, tabs);
  tabs.setServer((method, input) => calls.serve(method, input));
  return calls;
}
