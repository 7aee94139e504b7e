// Client-side metrics of one session (chatjs-behavior §6.2), recorded through `csmService`.
//
// Unlike upstream: every method has its real operation name (getAuthenticationUrl and
// cancelParticipantAuthentication are not recorded as "undefined"), latencies are durations, and agent
// sessions record too (upstream's agent metrics only flowed when a customer session had loaded its library).
// A session created with `disableCSM: true` records nothing; other sessions are unaffected.
import { csmService } from '../../metrics/csmService.js';
import { CSM_API_METRICS, CSM_CATEGORY, CSM_DIMENSIONS, CSM_WEBSOCKET_METRICS } from '../../metrics/csmNames.js';
import type { CsmDimension } from '../../types.js';
import type { FeatureContext, MetricsFeature } from './types.js';

/** Session method → metric name. Methods not listed here (e.g. connect) record nothing through apiCall. */
export const API_METRIC_NAMES: Readonly<Record<string, string>> = Object.freeze({
  sendMessage: CSM_API_METRICS.SEND_MESSAGE,
  sendEvent: CSM_API_METRICS.SEND_EVENT,
  sendMessageReceipt: CSM_API_METRICS.SEND_EVENT,
  sendAttachment: CSM_API_METRICS.SEND_ATTACHMENT,
  downloadAttachment: CSM_API_METRICS.DOWNLOAD_ATTACHMENT,
  getAttachmentURL: CSM_API_METRICS.GET_ATTACHMENT_URL,
  getTranscript: CSM_API_METRICS.GET_TRANSCRIPT,
  describeView: CSM_API_METRICS.DESCRIBE_VIEW,
  disconnectParticipant: CSM_API_METRICS.DISCONNECT_PARTICIPANT,
  getAuthenticationUrl: CSM_API_METRICS.GET_AUTHENTICATION_URL,
  cancelParticipantAuthentication: CSM_API_METRICS.CANCEL_PARTICIPANT_AUTHENTICATION,
  createParticipantConnection: CSM_API_METRICS.CREATE_PARTICIPANT_CONNECTION,
});

/** The calls whose metrics carry a ContentType dimension. */
const WITH_CONTENT_TYPE: ReadonlySet<string> = new Set(['sendMessage', 'sendEvent', 'sendMessageReceipt', 'sendAttachment']);

type WebsocketEvent = Parameters<MetricsFeature['websocket']>[0];

const WEBSOCKET_METRIC_NAMES: Readonly<Record<WebsocketEvent, string>> = Object.freeze({
  gained: CSM_WEBSOCKET_METRICS.CONNECTION_GAINED,
  lost: CSM_WEBSOCKET_METRICS.CONNECTION_LOST,
  ended: CSM_WEBSOCKET_METRICS.ENDED,
  incoming: CSM_WEBSOCKET_METRICS.INCOMING_MESSAGE,
  deepHeartbeatSuccess: CSM_WEBSOCKET_METRICS.DEEP_HEARTBEAT_SUCCESS,
  deepHeartbeatFailure: CSM_WEBSOCKET_METRICS.DEEP_HEARTBEAT_FAILURE,
});

const NO_METRICS: MetricsFeature = Object.freeze({ apiCall: () => undefined, websocket: () => undefined });

function contentTypeDimensions(method: string, contentType: string | undefined): CsmDimension[] {
  if (!WITH_CONTENT_TYPE.has(method) || typeof contentType !== 'string' || contentType === '') return [];
  return [{ name: CSM_DIMENSIONS.CONTENT_TYPE, value: contentType }];
}

export function createMetrics(context: FeatureContext): MetricsFeature {
  if (context.args.disableCSM) return NO_METRICS;
  // Idempotent; a session that records metrics starts publishing them (agent sessions included).
  csmService.initializeCSM();
  return {
    apiCall(method, startedAtMs, failed, contentType) {
      const name = API_METRIC_NAMES[method];
      if (name === undefined) {
        context.logger.debug('No client-side metric for method', method);
        return;
      }
      const extra = contentTypeDimensions(method, contentType);
      csmService.addLatencyMetricWithStartTime(name, startedAtMs, CSM_CATEGORY.API, extra);
      csmService.addCountAndErrorMetric(name, CSM_CATEGORY.API, failed, extra);
    },
    websocket(event) {
      csmService.addCountMetric(WEBSOCKET_METRIC_NAMES[event], CSM_CATEGORY.API);
    },
  };
}
