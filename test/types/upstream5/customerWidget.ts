// App code written against amazon-connect-chatjs 5.0.0's declarations, the way its README uses the SDK:
// a customer chat widget in strict TypeScript. It must compile unchanged against this package's dist/.
import 'amazon-connect-chatjs';

interface LocalMeta {
  readonly localId: string;
}

export function configure(): void {
  connect.ChatSession.setGlobalConfig({
    region: 'us-east-1',
    loggerConfig: {
      useDefaultLogger: true,
      level: connect.ChatSession.LogLevel.WARN,
      customizedLogger: {
        debug: (...msg: any[]) => console.debug(...msg),
        info: (...msg: any[]) => console.info(...msg),
        warn: (...msg: any[]) => console.warn(...msg),
        error: (...msg: any[]) => console.error(...msg),
      },
    },
    features: { messageReceipts: { shouldSendMessageReceipts: true, throttleTime: 5000 } },
    customUserAgentSuffix: 'MyWidget/1.0',
    webSocketManagerConfig: { isNetworkOnline: () => navigator.onLine },
  });
  connect.ChatSession.setFeatureFlag('MESSAGE_RECEIPTS_ENABLED');
  connect.ChatSession.setRegionOverride('us-east-1');
  connect.ChatSession.csmService.addCountMetric('WidgetOpened', 'API');
  const version: string = connect.ChatJS.version;
  const environment: 'production' | 'development' = connect.ChatJS.build.environment;
  console.log(version, environment, connect.ChatJS.name, connect.ChatJS.source, connect.ChatJS.repository);
}

export async function startChat(startChatResult: { ContactId: string; ParticipantId: string; ParticipantToken: string }): Promise<connect.CustomerChatSession> {
  const session = connect.ChatSession.create({
    chatDetails: {
      contactId: startChatResult.ContactId,
      participantId: startChatResult.ParticipantId,
      participantToken: startChatResult.ParticipantToken,
    },
    options: { region: 'us-east-1' },
    type: connect.ChatSession.SessionTypes.CUSTOMER,
    disableCSM: true,
  });
  const customer: connect.CustomerChatSession = session;

  customer.onConnectionEstablished((event) => console.log('established', event.chatDetails.contactId));
  customer.onConnectionLost((event) => console.log('lost', event.chatDetails.participantId));
  customer.onConnectionBroken((event) => console.log('broken', event.chatDetails.initialContactId));
  customer.onEnded((event) => console.log('ended', event.chatDetails.contactId));
  customer.onMessage((event) => {
    const { chatDetails, data } = event;
    switch (data.ContentType) {
      case 'text/plain':
      case 'text/markdown':
        console.log(chatDetails.participantId, data.DisplayName, data.ParticipantRole, data.Content, data.AbsoluteTime, data.Id);
        break;
      case 'application/vnd.amazonaws.connect.event.participant.joined':
        console.log('joined', data.DisplayName, data.ContactId, data.InitialContactId);
        break;
      default:
        console.log(data.Type, data.Attachments?.map((a) => `${a.AttachmentName} ${a.Status} ${a.ContentType} ${a.AttachmentId}`));
    }
    const status: string | undefined = data.MessageMetadata?.Status;
    const processing = data.MessageMetadata?.MessageProcessingStatus;
    console.log(status, processing, data.MessageMetadata?.MessageCompleted, data.MessageMetadata?.ChunkNumber, data.serializedContent);
  });
  customer.onTyping((event) => {
    const typing: 'application/vnd.amazonaws.connect.event.typing' = event.data.ContentType;
    console.log(typing, event.data.ParticipantRole);
  });
  customer.onReadReceipt((event) => console.log(event.data.MessageMetadata?.MessageId, event.data.MessageMetadata?.Receipts?.[0]?.ReadTimestamp));
  customer.onDeliveredReceipt((event) => console.log(event.data.MessageMetadata?.Receipts?.[0]?.DeliveredTimestamp));
  customer.onParticipantIdle((event) => console.log(event.data.DisplayName));
  customer.onParticipantReturned((event) => console.log(event.data.DisplayName));
  customer.onParticipantInvited((event) => console.log(event.data.DisplayName));
  customer.onAutoDisconnection((event) => console.log(event.data.ParticipantRole));
  customer.onAuthenticationInitiated((event) => {
    const content: string = event.data.Content;
    console.log(JSON.parse(content));
  });
  customer.onAuthenticationSuccessful((event) => console.log(event.data.Content));
  customer.onAuthenticationFailed((event) => console.log(event.data.Content));
  customer.onAuthenticationTimeout((event) => console.log(event.data.Content));
  customer.onAuthenticationCanceled((event) => console.log(event.data.Content));
  customer.onParticipantDisplayNameUpdated((event) => {
    const name: string = event.data.DisplayName;
    console.log(name);
  });
  customer.onDeepHeartbeatSuccess((event) => console.log(event.chatDetails.contactId));
  customer.onDeepHeartbeatFailure((event) => console.log(event.chatDetails.contactId));
  customer.onChatRehydrated((event) => console.log(event.data.Id));
  customer.onTranscriptUpdated((event) => {
    const items: connect.ChatTranscriptItem[] = event.data.transcript;
    console.log(items.length);
    void customer.getTranscript({ nextToken: event.data.previousTranscriptNextToken, scanDirection: 'BACKWARD' });
  });

  const connected: connect.ConnectChatResult = await customer.connect();
  console.log(connected.connectCalled, connected.connectSuccess);
  return customer;
}

export async function chatWith(session: connect.CustomerChatSession, file: File): Promise<void> {
  const sent = await session.sendMessage({ contentType: 'text/plain', message: 'Hello' });
  if (sent.data) console.log(sent.data.Id, sent.data.AbsoluteTime, sent.data.MessageMetadata?.MessageProcessingStatus);

  const withMeta = await session.sendMessage<LocalMeta>({ contentType: 'text/markdown', message: '**hi**', metadata: { localId: 'l-1' } });
  const localId: string = withMeta.metadata.localId;
  console.log(localId);

  await session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
  if (sent.data) {
    await session.sendEvent({
      contentType: 'application/vnd.amazonaws.connect.event.message.read',
      content: JSON.stringify({ messageId: sent.data.Id }),
    });
  }
  const evt = await session.sendEvent<LocalMeta>({ contentType: 'application/vnd.amazonaws.connect.event.typing', metadata: { localId: 'l-2' } });
  console.log(evt.metadata.localId);

  await session.sendAttachment({ attachment: file });
  const blob: Blob = await session.downloadAttachment({ attachmentId: 'att-1' });
  const url: string = await session.getAttachmentURL({ attachmentId: 'att-1' });
  console.log(blob.size, url);

  const page = await session.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
  if (page.data) {
    const transcript: connect.ChatTranscriptItem[] = page.data.Transcript;
    const nextToken: string = page.data.NextToken;
    const initialContactId: string = page.data.InitialContactId;
    transcript.forEach((item) => console.log(item.Id, item.Content));
    await session.getTranscript({ nextToken, contactId: initialContactId, startPosition: { id: transcript[0]?.Id, mostRecent: 0 } });
  }
  const metaPage = await session.getTranscript<LocalMeta>({ maxResults: 15, metadata: { localId: 'l-3' } });
  console.log(metaPage.metadata.localId);

  const view = await session.describeView({ InstanceId: undefined, viewToken: 'view-token' });
  console.log(view.data?.View?.Content?.Template, view.data?.View?.Name);
  const auth = await session.getAuthenticationUrl({ redirectUri: 'https://example.com/back', sessionId: 's-1' });
  console.log(auth.data?.AuthenticationUrl);
  await session.cancelParticipantAuthentication({ sessionId: 's-1' });

  const details: connect.ChatDetails = session.getChatDetails();
  console.log(details.contactId, details.initialContactId, details.participantId, details.participantToken);

  const controller: connect.ChatController = session.controller;
  controller.subscribe('INCOMING_MESSAGE', (event: unknown) => console.log(event));
  await controller.sendMessage({ contentType: 'text/plain', message: 'via controller' });
  await controller.disconnectParticipant?.();
  controller.cleanUpOnParticipantDisconnect?.();

  const left = await session.disconnectParticipant();
  console.log(left.data);
}

export function onFailure(error: unknown): void {
  // 5.0.0 rejects with plain objects: apps log them whole.
  console.error(JSON.stringify(error), { ...(error as object) });
}
