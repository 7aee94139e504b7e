// A small chat app written for amazon-connect-chatjs 5.0.0, in plain JavaScript. sideBySide.upstream.test.ts
// loads it unchanged next to 5.0.0's bundle in one page and next to this SDK's bundle in another, runs the
// same scripted chat in both and compares what the app saw. Everything it records is JSON.
(function () {
  const SESSION_METHODS = [
    'getChatDetails', 'connect', 'getTranscript', 'sendMessage', 'sendEvent', 'sendAttachment', 'downloadAttachment',
    'getAttachmentURL', 'describeView', 'getAuthenticationUrl', 'cancelParticipantAuthentication', 'disconnectParticipant',
    'onConnectionBroken', 'onConnectionEstablished', 'onAuthenticationInitiated', 'onAuthenticationSuccessful',
    'onAuthenticationFailed', 'onAuthenticationTimeout', 'onAuthenticationCanceled', 'onParticipantDisplayNameUpdated',
    'onEnded', 'onConnectionLost', 'onMessage', 'onTyping', 'onReadReceipt', 'onDeliveredReceipt', 'onParticipantIdle',
    'onParticipantReturned', 'onParticipantInvited', 'onAutoDisconnection', 'onDeepHeartbeatSuccess',
    'onDeepHeartbeatFailure', 'onChatRehydrated', 'onTranscriptUpdated',
  ];
  const CONTROLLER_METHODS = [
    'subscribe', 'sendMessage', 'sendAttachment', 'downloadAttachment', 'getAttachmentURL', 'sendEvent', 'getTranscript',
    'connect', 'getChatDetails', 'describeView', 'getAuthenticationUrl', 'cancelParticipantAuthentication',
    'disconnectParticipant', 'getConnectionStatus',
  ];
  const seen = [];
  let session;

  const json = (value) => JSON.parse(JSON.stringify(value === undefined ? null : value));

  /** What an app can learn from a rejection: how it serializes, spreads and prints. */
  function describeRejection(reason) {
    if (typeof reason === 'string') return { kind: 'string', message: reason };
    return {
      kind: reason instanceof Error ? 'Error' : typeof reason,
      message: reason.message,
      json: json(reason),
      spreadKeys: Object.keys(Object.assign({}, reason)),
      stack: Array.isArray(reason.stack) ? 'array' : typeof reason.stack,
    };
  }

  function settle(promise) {
    return promise.then(
      (value) => ({ ok: true, value: json(value) }),
      (reason) => ({ ok: false, reason: describeRejection(reason) }),
    );
  }

  function record(handlerName) {
    return function (payload, eventName, eventBus) {
      seen.push({
        handler: handlerName,
        argumentCount: arguments.length,
        eventName,
        eventBus: { type: typeof eventBus, subscribe: typeof (eventBus && eventBus.subscribe) },
        payload: json(payload),
      });
    };
  }

  window.__app = {
    seen,

    /** `connect.ChatSession`: its names and what they are, and the enum-like values. */
    shape() {
      const chatSession = connect.ChatSession;
      return {
        names: Object.keys(chatSession).sort().map((name) => `${name}:${typeof chatSession[name]}`),
        logLevel: json(chatSession.LogLevel),
        sessionTypes: json(chatSession.SessionTypes),
        chatJs: Object.keys(connect.ChatJS).sort(),
      };
    },

    async start(endpoint, chatDetails) {
      connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint });
      session = connect.ChatSession.create({ chatDetails, type: 'CUSTOMER', disableCSM: true });
      ['onMessage', 'onTyping', 'onEnded', 'onConnectionEstablished'].forEach((name) => session[name](record(name)));
      const controller = session.controller;
      return {
        sessionMethods: SESSION_METHODS.filter((name) => typeof session[name] === 'function'),
        controllerMethods: CONTROLLER_METHODS.filter((name) => typeof controller[name] === 'function'),
        controllerIds: { contactId: controller.contactId, participantId: controller.participantId, initialContactId: controller.initialContactId },
        connect: await settle(session.connect({ metadata: 'connect-meta' })),
      };
    },

    async send() {
      return settle(session.sendMessage({ contentType: 'text/plain', message: 'hello from the app', metadata: { step: 'send' } }));
    },

    /** sendMessageReceipt, the call upstream added in 5.1.0: absent from 5.0.0, an addition of ours. */
    async manualReceipt(messageId) {
      if (typeof session.sendMessageReceipt !== 'function') return { available: false };
      return { available: true, result: await settle(session.sendMessageReceipt({ event: 'read', messageId, metadata: { step: 'receipt' } })) };
    },

    async fail() {
      return settle(session.getAttachmentURL({ attachmentId: 'no-such-attachment', metadata: { step: 'fail' } }));
    },

    async transcript() {
      return settle(session.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', metadata: { step: 'transcript' } }));
    },

    async leave() {
      return settle(session.disconnectParticipant());
    },

    async afterEnd() {
      return {
        sendMessage: await settle(session.sendMessage({ contentType: 'text/plain', message: 'too late' })),
        getTranscript: await settle(session.getTranscript({})),
      };
    },
  };
})();
