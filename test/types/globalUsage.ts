// Compiles against dist/index.d.ts: a page that uses the global `connect` the way amazon-connect-chatjs'
// README shows (every method and event), in strict TypeScript.
import 'amazon-connect-chatjs';

export async function customerWidget(details: { contactId: string; participantId: string; participantToken: string }): Promise<void> {
  connect.ChatSession.setGlobalConfig({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9100',
    loggerConfig: { useDefaultLogger: true, level: connect.ChatSession.LogLevel.INFO, advancedLogWriter: 'info' },
    webSocketManagerConfig: { isNetworkOnline: () => navigator.onLine },
    features: { messageReceipts: { shouldSendMessageReceipts: true, throttleTime: 5000 } },
    customUserAgentSuffix: 'MyWidget/1.0',
    csmConfig: { widgetType: 'MyWidget' },
  });
  connect.ChatSession.setFeatureFlag('MESSAGE_RECEIPTS_ENABLED');
  connect.ChatSession.setRegionOverride(null);
  const version: string = connect.ChatJS.version;

  const session: connect.CustomerChatSession = connect.ChatSession.create({
    chatDetails: details,
    options: { region: 'us-east-1' },
    type: connect.ChatSession.SessionTypes.CUSTOMER,
    disableCSM: true,
  });

  const result: connect.ConnectChatResult = await session.connect();
  const ok: boolean = result.connectSuccess;

  session.onConnectionEstablished((event) => console.log(event.chatDetails.contactId, event.data.reconnected));
  session.onConnectionLost((event) => console.log(event.data.code, event.data.reason));
  session.onConnectionBroken((event) => console.log(event.data.reason));
  session.onMessage((event: connect.ChatMessageEvent) => {
    const { chatDetails, data } = event;
    console.log(chatDetails.participantId, data.ContentType, data.Content, data.ParticipantRole, data.Attachments?.[0]?.AttachmentId);
  });
  session.onTyping((event) => console.log(event.data.ParticipantId));
  session.onReadReceipt((event) => console.log(event.data.MessageMetadata?.MessageId));
  session.onDeliveredReceipt((event) => console.log(event.data.MessageMetadata?.Receipts?.[0]?.DeliveredTimestamp));
  session.onEnded((event: connect.ChatEndedEvent) => console.log(event.data));
  session.onParticipantIdle((event) => console.log(event.data.DisplayName));
  session.onParticipantReturned((event) => console.log(event.data.DisplayName));
  session.onParticipantInvited((event) => console.log(event.data.DisplayName));
  session.onAutoDisconnection((event) => console.log(event.data.DisplayName));
  session.onAuthenticationInitiated((event) => console.log(event.sessionId, event.data.Content));
  session.onAuthenticationSuccessful((event) => console.log(event.data.Content));
  session.onAuthenticationFailed((event) => console.log(event.data.Content));
  session.onAuthenticationTimeout((event) => console.log(event.data.Content));
  session.onAuthenticationExpired((event) => console.log(event.data.Content));
  session.onAuthenticationCanceled((event) => console.log(event.data.Content));
  session.onParticipantDisplayNameUpdated((event) => console.log(event.data.DisplayName));
  session.onChatRehydrated((event) => console.log(event.data.ContentType));
  session.onDeepHeartbeatSuccess((event) => console.log(event.data.timestamp));
  session.onDeepHeartbeatFailure((event) => console.log(event.data.error));
  const unsubscribe: () => void = session.onTranscriptUpdated((event) => {
    const items: connect.ChatTranscriptItem[] = event.data.transcript;
    console.log(items.length, event.data.previousTranscriptNextToken);
  });
  unsubscribe();

  const sent = await session.sendMessage({ contentType: 'text/plain', message: 'Hello', metadata: { local: 1 } });
  console.log(sent.data.Id, sent.data.AbsoluteTime, sent.metadata?.local);
  await session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
  await session.sendEvent({
    contentType: 'application/vnd.amazonaws.connect.event.message.read',
    content: JSON.stringify({ messageId: sent.data.Id }),
  });
  // Added after 5.0.0 (upstream 5.1.0): one receipt at once; and 5.3.0's useDualStack.
  const receiptArgs: connect.SendMessageReceiptArgs<{ row: number }> = { event: 'read', messageId: sent.data.Id, metadata: { row: 1 } };
  const receipt = await session.sendMessageReceipt(receiptArgs);
  console.log(receipt.data.Id, receipt.metadata.row);
  await session.controller.sendMessageReceipt({ event: 'delivered', message: { Id: sent.data.Id } });
  const features: connect.ChatFeaturesConfig = { messageReceipts: { shouldSendMessageReceipts: false } };
  const receiptsConfig: connect.MessageReceiptsConfig = { throttleTime: 1000 };
  connect.ChatSession.setGlobalConfig({ useDualStack: true, features: { ...features, messageReceipts: receiptsConfig } });
  const file = new File(['hi'], 'hello.txt', { type: 'text/plain' });
  const uploaded = await session.sendAttachment({ attachment: file, onProgress: (p) => console.log(p.loaded / p.total) });
  const attachmentId = uploaded.data.AttachmentId ?? '';
  const blob: Blob = await session.downloadAttachment({ attachmentId });
  const url: string = await session.getAttachmentURL({ attachmentId });
  const transcript = await session.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
  console.log(transcript.data.Transcript?.length, transcript.data.NextToken, blob.size, url);
  const view = await session.describeView({ viewToken: 'token' });
  console.log(view.data.View?.Content?.Template);
  const auth = await session.getAuthenticationUrl({ redirectUri: 'https://example.com', sessionId: 'x' });
  console.log(auth.data.AuthenticationUrl);
  await session.cancelParticipantAuthentication({ sessionId: 'x' });
  const chatDetails: connect.ChatDetails = session.getChatDetails();
  console.log(chatDetails.contactId, chatDetails.connectionDetails?.connectionToken, version, ok);
  await session.disconnectParticipant();
}

export async function agentPanel(mediaInfo: connect.ChatDetailsInput, websocketManager: connect.WebSocketManager): Promise<void> {
  const session = connect.ChatSession.create({ chatDetails: mediaInfo, type: 'AGENT', websocketManager });
  await session.connect();
  session.onMessage((event) => console.log(event.data.Content));
  session.cleanUpOnParticipantDisconnect();
}

// Upstream 5.2.0: a custom client on the global namespace.
class PageClient extends connect.ChatSession.ChatClient {
  override disconnectParticipant(connectionToken: string | null): Promise<connect.ChatClientResponse<object>> {
    return Promise.resolve({ data: { left: connectionToken === null } });
  }
  override getTranscript(connectionToken: string | null, args: connect.ChatClientTranscriptArgs): Promise<connect.ChatClientResponse<connect.ChatClientTranscriptPage>> {
    return Promise.resolve({ data: { Transcript: [], NextToken: args.nextToken ?? connectionToken ?? undefined } });
  }
}

export function globalCustomClient(ids: connect.ChatDetailsInput): connect.CustomerChatSession {
  const client: connect.ChatClientLike = new PageClient();
  const connection: connect.ChatClientConnection = { Websocket: { Url: 'wss://relay.example/socket' } };
  const types: connect.ChatClientConnectionType[] = ['WEBSOCKET'];
  console.log(connection, types);
  connect.ChatSession.setGlobalConfig({ customChatClient: client });
  return connect.ChatSession.create({ type: 'CUSTOMER', chatDetails: ids });
}
