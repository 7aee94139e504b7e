// onTranscriptUpdated (chatjs-behavior §3.6): off until someone subscribes, then on for good. The model lives
// in ../transcript/; this file decides when it runs and keeps its failures away from the session.
import { TranscriptTracker } from '../transcript/transcriptTracker.js';
import type { FeatureContext, PendingMessage, TranscriptFeature } from './types.js';

const IDLE_PENDING: PendingMessage = { sent: () => undefined, failed: () => undefined };

export function createTranscript(context: FeatureContext): TranscriptFeature {
  const tracker = new TranscriptTracker(
    { role: context.args.type, participantId: context.args.chatDetails.participantId },
    (transcript, previousTranscriptNextToken) => context.emitTranscript(transcript, previousTranscriptNextToken),
  );
  let active = false;
  /** Runs `update` once tracking is on; a failure is logged, never thrown into the session. */
  const guarded = <R>(what: string, fallback: R, update: () => R): R => {
    active = active || context.hasTranscriptListeners();
    if (!active) return fallback;
    try {
      return update();
    } catch (error) {
      context.logger.error(`onTranscriptUpdated: ${what} failed`, error);
      return fallback;
    }
  };
  return {
    sending: (message) => {
      const pending = guarded('sending', IDLE_PENDING, () => tracker.sending(message));
      if (pending === IDLE_PENDING) return pending;
      return {
        sent: (result) => guarded('sent', undefined, () => pending.sent(result)),
        failed: (error) => guarded('failed', undefined, () => pending.failed(error)),
      };
    },
    incoming: (item) => guarded('incoming', undefined, () => tracker.incoming(item)),
    page: (request, result) => guarded('page', undefined, () => tracker.page(request, result)),
  };
}
