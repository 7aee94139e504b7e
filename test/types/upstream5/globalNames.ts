// Every type name amazon-connect-chatjs 5.0.0 declares on the global `connect` namespace, used the way app
// code typed against 5.0.0 uses it. It must compile unchanged against this package's dist/.
import 'amazon-connect-chatjs';

type Meta = { readonly requestKey: string };

// Enum-like objects and their value unions.
export const sessionTypes: connect.ChatSessionTypes = connect.ChatSession.SessionTypes;
export const customerType: connect.ChatSessionTypes['CUSTOMER'] = 'CUSTOMER';
export const logLevels: connect.ChatLogLevel = connect.ChatSession.LogLevel;
export const debugLevel: connect.ChatLogLevel[keyof connect.ChatLogLevel] = connect.ChatSession.LogLevel.DEBUG;
export const processing: connect.MessageProcessingStatus[keyof connect.MessageProcessingStatus] = 'PROCESSING';
export const linkStatus: connect.NetworkLinkStatus[keyof connect.NetworkLinkStatus] = 'Established';
export const viewStatus: connect.ViewStatus[keyof connect.ViewStatus] = 'PUBLISHED';
export const viewType: connect.ViewType['CUSTOMER_MANAGED'] = 'CUSTOMER_MANAGED';

// The factory, its values and its helpers.
export const factory: connect.ChatSessionObject = connect.ChatSession;
export const chatJs: connect.ChatJSObject = connect.ChatJS;
export const csm: connect.CSMService = connect.ChatSession.csmService;
export const setFlag: connect.SetFeatureFlag = connect.ChatSession.setFeatureFlag;
export const setRegion: connect.SetRegionOverride = connect.ChatSession.setRegionOverride;
export const loggerClass: connect.ChatLogger = connect.ChatSession.Logger;

export function metrics(service: connect.CSMService): void {
  service.initializeCSM();
  service.updateCsmConfig({ widgetType: 'MyWidget' });
  service.addLatencyMetric('SendMessage', 12, 'API', [{ name: 'ContentType', value: 'text/plain' }]);
  service.addLatencyMetricWithStartTime('SendMessage', Date.now(), 'API');
  service.addCountAndErrorMetric('SendMessage', 'API', false);
  service.addCountMetric('WidgetOpened', 'API');
  service.addAgentCountMetric('AgentMetric', 1);
  console.log(service.widgetType);
}

export const loggingConfig = (logger: connect.ChatLogger): connect.ChatGlobalConfig => ({ loggerConfig: { customizedLogger: logger } });

export function logTo(logger: connect.ChatLogger): void {
  logger.debug('d');
  logger.info('i');
  logger.warn('w');
  logger.error('e');
}

// Creation arguments.
export const details: connect.ChatDetailsInput = { contactId: 'c', participantId: 'p', participantToken: 't' };
export const options: connect.ChatSessionOptions = { region: 'eu-west-2' };
export const customerArgs: connect.CustomerChatSessionArgs = { chatDetails: details, options, type: 'CUSTOMER', disableCSM: true };
export const anyArgs: connect.ChatSessionArgs = customerArgs;
export function agentArgs(websocketManager: connect.WebSocketManager): connect.AgentChatSessionArgs {
  return { chatDetails: details, type: 'AGENT', websocketManager };
}
export const globalConfig: connect.ChatGlobalConfig = {
  region: 'us-east-1',
  loggerConfig: { useDefaultLogger: true, level: 20 },
  features: { messageReceipts: { shouldSendMessageReceipts: false } },
};

// Sessions and the controller.
export function sessions(customer: connect.CustomerChatSession, agent: connect.AgentChatSession): connect.ChatSessionInterface[] {
  const controllers: connect.ChatController[] = [customer.controller, agent.controller];
  agent.cleanUpOnParticipantDisconnect();
  return controllers.length > 0 ? [customer, agent] : [];
}

export async function controllerCalls(controller: connect.ChatController, file: File): Promise<void> {
  controller.subscribe('INCOMING_MESSAGE', (event) => console.log(event));
  const result: connect.ConnectChatResult = await controller.connect();
  const args: connect.ConnectArgs = {};
  await controller.connect(args);
  const chatDetails: connect.ChatDetails = controller.getChatDetails();
  await controller.sendMessage({ message: 'm', contentType: 'text/plain' });
  await controller.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
  await controller.sendAttachment({ attachment: file });
  const blob: Blob = await controller.downloadAttachment({ attachmentId: 'a' });
  const url: string = await controller.getAttachmentURL({ attachmentId: 'a' });
  await controller.getTranscript({});
  await controller.describeView({ InstanceId: 'i', viewToken: 'v' });
  await controller.getAuthenticationUrl({ redirectUri: 'https://example.com', sessionId: 's' });
  await controller.cancelParticipantAuthentication({ sessionId: 's' });
  console.log(result.connectSuccess, chatDetails.contactId, blob.size, url);
}

// Content types.
export const messageType: connect.ChatMessageContentType = 'text/markdown';
export const eventType: connect.ChatEventContentType = 'application/vnd.amazonaws.connect.event.message.delivered';
export const anyType: connect.ChatContentType = messageType;

// Requests, results and their wrappers.
export const sendMessageArgs: connect.SendMessageArgs = { message: 'hi', contentType: 'text/plain', clientToken: 'tok' };
export const sendEventArgs: connect.SendEventArgs = { contentType: 'application/vnd.amazonaws.connect.event.typing', content: 'x' };
export const downloadArgs: connect.DownloadAttachmentArgs = { attachmentId: 'a' };
export const uploadArgs = (file: File): connect.SendAttachmentArgs => ({ attachment: file });
export const urlArgs: connect.GetAttachmentURLArgs = { attachmentId: 'a' };
export const transcriptArgs: connect.GetTranscriptArgs = { maxResults: 15, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING', startPosition: { absoluteTime: '2020-01-01T00:00:00.000Z' } };
export const viewArgs: connect.DescribeViewArgs = { InstanceId: undefined, viewToken: 'v', metadata: { any: 1 } };
export const authArgs: connect.GetAuthenticationUrlArgs = { redirectUri: 'https://example.com', sessionId: 's' };
export const cancelArgs: connect.CancelParticipantAuthenticationArgs = { sessionId: 's' };
export const withMeta: connect.WithMetadata<connect.SendMessageArgs, Meta> = { ...sendMessageArgs, metadata: { requestKey: 'k' } };
export const chatMeta: connect.ChatMetadata<Meta> = { metadata: { requestKey: 'k' } };

export function readResults(
  sent: connect.ParticipantServiceResponse<connect.SendMessageResult>,
  event: connect.AWSResponse<connect.SendEventResult>,
  upload: connect.ParticipantServiceResponse<connect.SendAttachmentResult>,
  page: connect.ParticipantServiceResponse<connect.GetTranscriptResult>,
  view: connect.ParticipantServiceResponse<connect.DescribeViewResult>,
  auth: connect.ParticipantServiceResponse<connect.GetAuthenticationUrlResult>,
  url: connect.GetAttachmentURLResult,
  metaSent: connect.WithMetadata<connect.ParticipantServiceResponse<connect.SendMessageResult>, Meta>,
): string[] {
  const out: string[] = [metaSent.metadata.requestKey, url.Url];
  if (sent.data) out.push(sent.data.Id, sent.data.AbsoluteTime);
  if (event.data) out.push(event.data.Id, event.data.AbsoluteTime);
  if (upload.data) out.push(JSON.stringify(upload.data));
  if (page.data) out.push(page.data.InitialContactId, page.data.NextToken, ...page.data.Transcript.map((item) => item.Id));
  if (view.data) out.push(view.data.View?.Arn ?? '', view.data.View?.Content?.InputSchema ?? '');
  if (auth.data) out.push(auth.data.AuthenticationUrl ?? '');
  return out;
}

export function views(view: connect.View, content: connect.ViewContent): string[] {
  console.log(view.Status, view.Type, view.Tags, view.CreatedTime?.getTime(), view.LastModifiedTime, view.ViewContentSha256);
  return [view.Id ?? '', view.Name ?? '', String(view.Version), view.Description ?? '', view.VersionDescription ?? '', content.Template ?? '', ...(content.Actions ?? [])];
}

// Items and event payloads.
export function items(item: connect.ChatTranscriptItem, attachment: connect.AttachmentItem, data: connect.ChatEventData): string[] {
  return [item.Id, item.AbsoluteTime, item.Type, attachment.AttachmentId, attachment.AttachmentName, attachment.Status, data.ContactId ?? '', data.InitialContactId ?? ''];
}

export function events(
  broken: connect.ChatConnectionBrokenEvent,
  established: connect.ChatConnectionEstablishedEvent,
  ended: connect.ChatEndedEvent,
  lost: connect.ChatConnectionLostEvent,
  message: connect.ChatMessageEvent,
  updated: connect.ChatTranscriptUpdatedEvent,
  auth: connect.ChatAuthenticationInitiatedEvent,
  renamed: connect.ChatParticipantDisplayNameUpdatedEvent,
  typing: connect.ChatTypingEvent,
): string[] {
  return [
    broken.chatDetails.contactId,
    established.chatDetails.contactId,
    ended.chatDetails.contactId,
    lost.chatDetails.contactId,
    message.data.Id,
    String(updated.data.transcript.length),
    auth.data.Content,
    renamed.data.DisplayName,
    typing.data.ContentType,
  ];
}
