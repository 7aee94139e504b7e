// A bundled app that uses the package by name, as an npm user would: the side-effect import installs
// the global connect.ChatSession, and the named import brings the same object with its types.
import 'amazon-connect-chatjs';
import { ChatSession, type ChatMessageEvent, type CustomerChatSession } from 'amazon-connect-chatjs';

const REGION = 'us-east-1';

/** StartChatContact's answer; the SDK accepts its PascalCase names as chatDetails. */
type StartedChat = {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
};

function byTestId(id: string): HTMLElement {
  const node = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!node) throw new Error(`missing [data-testid="${id}"]`);
  return node;
}

function showMessage({ data }: ChatMessageEvent): void {
  if (data.Type !== 'MESSAGE') return;
  const line = document.createElement('li');
  line.dataset.testid = 'message';
  line.textContent = `${data.DisplayName ?? data.ParticipantRole ?? '?'}: ${data.Content ?? ''}`;
  byTestId('messages').append(line);
}

// In production your backend calls StartChatContact; the emulator serving this page accepts it unsigned.
async function startChatContact(): Promise<StartedChat> {
  const response = await fetch('/contact/chat', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ InstanceId: 'local', ContactFlowId: 'local', ParticipantDetails: { DisplayName: 'Bundled app' } }),
  });
  if (!response.ok) throw new Error(`StartChatContact failed with HTTP ${response.status}`);
  return (await response.json()) as StartedChat;
}

async function main(): Promise<void> {
  byTestId('same-global').textContent = String(connect.ChatSession === ChatSession);
  const started = await startChatContact();
  ChatSession.setGlobalConfig({ region: REGION, endpoint: location.origin });
  const session: CustomerChatSession = ChatSession.create({ type: 'CUSTOMER', chatDetails: started, disableCSM: true });
  session.onMessage(showMessage);
  await session.connect();
  byTestId('status').textContent = 'connected';
  // `data-state="ready"` on <html>: the page's session is connected.
  document.documentElement.dataset.state = 'ready';
  await session.sendMessage({ message: 'hello from the bundle', contentType: 'text/plain' });
}

main().catch((error: unknown) => {
  byTestId('status').textContent = `failed: ${error instanceof Error ? error.message : String(error)}`;
});
