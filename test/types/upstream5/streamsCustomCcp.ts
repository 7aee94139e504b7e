// An agent's custom CCP typed against amazon-connect-streams' declarations and amazon-connect-chatjs
// 5.0.0's: Streams delivers chat contacts, the app opens an agent chat session on Streams' websocket
// manager. Both packages declare `connect.WebSocketManager`; the declarations must merge.
import 'amazon-connect-streams';
import 'amazon-connect-chatjs';

export function initCustomCcp(container: HTMLElement): void {
  connect.core.initCCP(container, { ccpUrl: 'https://example.my.connect.aws/ccp-v2/', loginPopup: true, softphone: { allowFramedSoftphone: true } });
  connect.ChatSession.setGlobalConfig({ region: 'us-west-2', loggerConfig: { useDefaultLogger: true } });

  connect.contact((contact) => {
    if (contact.getType() !== connect.ContactType.CHAT) return;
    contact.onAccepted(async () => {
      const agentConnection = contact.getAgentConnection() as connect.ChatConnection;
      const mediaInfo = agentConnection.getMediaInfo();
      const session: connect.AgentChatSession = connect.ChatSession.create({
        chatDetails: mediaInfo,
        options: { region: 'us-west-2' },
        type: connect.ChatSession.SessionTypes.AGENT,
        websocketManager: connect.core.getWebSocketManager(),
      });
      session.onMessage((event) => console.log(event.data.DisplayName, event.data.Content));
      session.onTyping((event) => console.log('typing', event.data.ParticipantRole));
      session.onEnded(() => session.cleanUpOnParticipantDisconnect());
      const result = await session.connect();
      if (result.connectSuccess) {
        await session.sendMessage({ contentType: 'text/plain', message: `Hello, ${mediaInfo.originalInfo.customerName ?? 'there'}` });
      }
      const fromStreams = await agentConnection.getMediaController();
      console.log(fromStreams, session.controller.getChatDetails().contactId);
    });
  });
}

export function sameManager(manager: connect.WebSocketManager): connect.AgentChatSession {
  return connect.ChatSession.create({
    chatDetails: { contactId: 'c', participantId: 'p', participantToken: 't' },
    type: 'AGENT',
    websocketManager: manager,
  });
}
