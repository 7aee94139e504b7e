// A tiny backend for custom-chat-client tests: the page's ChatClient posts each call to it, and it makes the
// Participant Service call against the emulator. For a chat it `hold`s, it keeps both tokens itself and
// answers CreateParticipantConnection with the websocket only, so no token reaches the page.
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import {
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
  type ConnectParticipantClient,
} from '@aws-sdk/client-connectparticipant';
import { ChatClient } from '../../../src/client/chatClient';
import type { ChatClientConnection, ChatClientConnectionType, ChatClientResponse, ChatClientTranscriptArgs, ChatClientTranscriptPage, SendEventResult, SendMessageResult } from '../../../src/types';

interface ProxyRequest {
  operation: string;
  key: string;
  args: Record<string, unknown>;
}

interface HeldChat {
  participantToken: string;
  connectionToken?: string;
}

export interface TokenProxy {
  url: string;
  /** Every call the page's client made, as it arrived. */
  requests: ProxyRequest[];
  /** The proxy keeps this chat's tokens: the page sends none and gets none. */
  hold(key: string, participantToken: string): void;
  /** The next call of `operation` is answered with this error instead of reaching the service. */
  failNext(operation: string, status: number, type: string): void;
  close(): Promise<void>;
}

const strip = <T extends { $metadata?: unknown }>(output: T): Omit<T, '$metadata'> => {
  const { $metadata: _dropped, ...rest } = output;
  return rest;
};

async function readJson(request: IncomingMessage): Promise<ProxyRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ProxyRequest;
}

export async function startTokenProxy(service: ConnectParticipantClient): Promise<TokenProxy> {
  const held = new Map<string, HeldChat>();
  const failures = new Map<string, { status: number; type: string }>();
  const requests: ProxyRequest[] = [];

  const call = async ({ operation, key, args }: ProxyRequest): Promise<unknown> => {
    const chat = held.get(key);
    const connectionToken = (args.connectionToken as string | null) ?? chat?.connectionToken ?? '';
    switch (operation) {
      case 'createParticipantConnection': {
        const ParticipantToken = (args.participantToken as string | null) ?? chat?.participantToken ?? '';
        const Type = (args.type as ChatClientConnectionType[] | null) ?? undefined;
        const out = strip(await service.send(new CreateParticipantConnectionCommand({ ParticipantToken, Type })));
        if (!chat) return out;
        chat.connectionToken = out.ConnectionCredentials?.ConnectionToken;
        return { Websocket: out.Websocket };
      }
      case 'sendMessage':
        return strip(await service.send(new SendMessageCommand({ ConnectionToken: connectionToken, Content: args.content as string, ContentType: args.contentType as string, ClientToken: args.clientToken as string })));
      case 'sendEvent':
        return strip(await service.send(new SendEventCommand({ ConnectionToken: connectionToken, ContentType: args.contentType as string, Content: args.content as string | undefined, ClientToken: args.clientToken as string })));
      case 'getTranscript': {
        const t = args as unknown as ChatClientTranscriptArgs;
        const StartPosition = { Id: t.startPosition.id, AbsoluteTime: t.startPosition.absoluteTime, MostRecent: t.startPosition.mostRecent };
        return strip(await service.send(new GetTranscriptCommand({ ConnectionToken: connectionToken, MaxResults: t.maxResults, NextToken: t.nextToken, ScanDirection: t.scanDirection, SortOrder: t.sortOrder, StartPosition })));
      }
      case 'disconnectParticipant':
        return strip(await service.send(new DisconnectParticipantCommand({ ConnectionToken: connectionToken })));
      default:
        throw Object.assign(new Error(`unknown operation ${operation}`), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    }
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readJson(request);
      requests.push(body);
      const reply = (status: number, json: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      const failure = failures.get(body.operation);
      if (failure) {
        failures.delete(body.operation);
        reply(failure.status, { type: failure.type, message: 'the backend is busy', statusCode: failure.status });
        return;
      }
      try {
        reply(200, { data: await call(body) });
      } catch (error) {
        const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
        const status = e.$metadata?.httpStatusCode ?? 500;
        reply(status, { type: e.name, message: e.message, statusCode: status });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hold: (key, participantToken) => void held.set(key, { participantToken }),
    failNext: (operation, status, type) => void failures.set(operation, { status, type }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The page's side: a ChatClient subclass that posts every call to the proxy (rejecting with upstream's error shape). */
export class ProxyChatClient extends ChatClient {
  constructor(
    private readonly url: string,
    private readonly key: string,
  ) {
    super();
  }

  private async post<D>(operation: string, args: Record<string, unknown>): Promise<ChatClientResponse<D>> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation, key: this.key, args }) });
    const body = (await response.json()) as ChatClientResponse<D> | { type: string; message: string; statusCode: number };
    if (!response.ok) throw body;
    return body as ChatClientResponse<D>;
  }

  override createParticipantConnection(participantToken: string | null, type: ChatClientConnectionType[] | null, acknowledgeConnection: boolean | null) {
    return this.post<ChatClientConnection>('createParticipantConnection', { participantToken, type, acknowledgeConnection });
  }

  override disconnectParticipant(connectionToken: string | null) {
    return this.post<object>('disconnectParticipant', { connectionToken });
  }

  override sendMessage(connectionToken: string | null, content: string, contentType: string, clientToken?: string) {
    return this.post<SendMessageResult>('sendMessage', { connectionToken, content, contentType, clientToken });
  }

  override sendEvent(connectionToken: string | null, contentType: string, content?: string, clientToken?: string) {
    return this.post<SendEventResult>('sendEvent', { connectionToken, contentType, content, clientToken });
  }

  override getTranscript(connectionToken: string | null, args: ChatClientTranscriptArgs) {
    return this.post<ChatClientTranscriptPage>('getTranscript', { connectionToken, ...args });
  }
}
