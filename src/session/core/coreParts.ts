// How a core wires its optional features (../features) to the chat: the bus they emit on, the settings
// they read. Kept apart so the core's constructor only names its parts.
import { CHAT_EVENTS } from '../../constants.js';
import type { ChatDetails } from '../../types.js';
import type { NormalizedCreateArgs } from '../args/chatArgs.js';
import type { EventBus } from '../events/eventBus.js';
import type { SessionEventMap } from '../events/sessionEvents.js';
import { createSessionFeatures, type SessionFeatures } from '../features/index.js';
import type { ChatCoreDeps } from './coreDeps.js';

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
