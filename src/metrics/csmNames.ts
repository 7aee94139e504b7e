// Metric names and dimension values of client-side metrics (chatjs-behavior §6.2). Every API method has a
// name here, so no metric is ever recorded as "undefined".

/** The namespace every metric carries. */
export const CSM_NAMESPACE = 'chat-widget';

/** The WidgetType dimension when `csmConfig.widgetType` is not set. */
export const DEFAULT_WIDGET_TYPE = 'CustomChatWidget';

/** The Category dimension of API metrics. */
export const CSM_CATEGORY = { API: 'API' } as const;

/** One metric (Latency, Count, Error) per Participant Service call, named after the operation. */
export const CSM_API_METRICS = {
  SEND_MESSAGE: 'SendMessage',
  SEND_EVENT: 'SendEvent',
  SEND_ATTACHMENT: 'SendAttachment',
  DOWNLOAD_ATTACHMENT: 'DownloadAttachment',
  GET_ATTACHMENT_URL: 'GetAttachmentURL',
  GET_TRANSCRIPT: 'GetTranscript',
  DESCRIBE_VIEW: 'DescribeView',
  DISCONNECT_PARTICIPANT: 'DisconnectParticipant',
  CREATE_PARTICIPANT_CONNECTION: 'CreateParticipantConnection',
  GET_AUTHENTICATION_URL: 'GetAuthenticationUrl',
  CANCEL_PARTICIPANT_AUTHENTICATION: 'CancelParticipantAuthentication',
} as const;

/** Websocket lifecycle metrics (counts), plus InitWebsocket (latency of fetching a websocket URL). */
export const CSM_WEBSOCKET_METRICS = {
  INIT_WEBSOCKET: 'InitWebsocket',
  CONNECTION_GAINED: 'WebsocketConnectionGained',
  CONNECTION_LOST: 'WebsocketConnectionLost',
  ENDED: 'WebsocketEnded',
  INCOMING_MESSAGE: 'WebsocketIncomingMessage',
  DEEP_HEARTBEAT_SUCCESS: 'WebsocketDeepHeartbeatSuccess',
  DEEP_HEARTBEAT_FAILURE: 'WebsocketDeepHeartbeatFailure',
} as const;

/** Agent-flow counts (`addAgentCountMetric`). */
export const CSM_AGENT_METRICS = {
  CREATE_PARTICIPANT_CONACK_CALL_COUNT: 'CREATE_PARTICIPANT_CONACK_CALL_COUNT',
  CREATE_PARTICIPANT_CONACK_FAILURE: 'CREATE_PARTICIPANT_CONACK_FAILURE',
  AGENT_CREATE_PARTICIPANT_ERROR_RATE: 'AGENT_CREATE_PARTICIPANT_ERROR_RATE',
  AGENT_GET_CONNECTION_TOKEN_ERROR_RATE: 'AGENT_GET_CONNECTION_TOKEN_ERROR_RATE',
} as const;

/** Dimension names. */
export const CSM_DIMENSIONS = {
  WIDGET_TYPE: 'WidgetType',
  CATEGORY: 'Category',
  METRIC: 'Metric',
  CONTENT_TYPE: 'ContentType',
} as const;

/** Values of the `Metric` dimension. */
export const CSM_METRIC_KINDS = { LATENCY: 'Latency', COUNT: 'Count', ERROR: 'Error' } as const;

export const CSM_UNITS = { MILLISECONDS: 'Milliseconds', COUNT: 'Count' } as const;

/** At most this many dimensions per metric (a limit of the metrics service). */
export const MAX_DIMENSIONS = 10;
