// A small client of the emulator's HTTP surface: StartChatContact, the control API, and the
// participant calls a raw (non-SDK) client needs.
'use strict';

async function call(baseUrl, method, path, body, headers = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : {};
}

function controlClient(baseUrl) {
  const request = (method, path, body, headers) => call(baseUrl, method, path, body, headers);
  return {
    url: baseUrl,
    startChat: () => request('PUT', '/contact/chat', { InstanceId: 'bench', ContactFlowId: 'bench', ParticipantDetails: { DisplayName: 'Bench' } }),
    message: (contactId, content, role = 'AGENT') => request('POST', `/emulator/contacts/${contactId}/messages`, { role, content }),
    flood: (contactId, count) => request('POST', `/emulator/contacts/${contactId}/flood`, { count }),
    end: (contactId) => request('POST', `/emulator/contacts/${contactId}/end`),
    addFault: (fault) => request('POST', '/emulator/faults', fault),
    clearFaults: () => request('DELETE', '/emulator/faults'),
    requests: async (query) => (await request('GET', `/emulator/requests?${new URLSearchParams(query)}`)).requests,
    createConnection: (participantToken) =>
      request('POST', '/participant/connection', { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }, { 'x-amz-bearer': participantToken }),
  };
}

/** The chatDetails both SDKs accept (PascalCase, as StartChatContact answers). */
function chatDetailsOf(started) {
  return { ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken };
}

module.exports = { controlClient, chatDetailsOf };
