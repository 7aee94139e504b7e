// The CCP page's own channel to the emulator (`/ccp-v2/agent`, a websocket): what the real CCP gets from
// its shared worker and the CTI backend. The emulator pushes the agent's data on every change and answers
// the page's forwarded `api_request`s; the page turns both into Streams messages.
//   emulator → page: {type:"welcome", chatSocketPath}, {type:"agent", data}, {type:"response", requestId, data | err}
//   page → emulator: {type:"request", requestId, method, params}
import { randomBytes } from 'crypto';
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { RawData, WebSocket, WebSocketServer } from 'ws';
import { isJsonObject, parseJsonFrame } from '../core/validation';
import { sendBounded } from '../websocket/boundedSend';
import type { Agent, CcpDeps } from './model';
import { answerRequest } from './requests';
import { CcpRequestError, Router } from './router';
import { agentDataOf } from './snapshot';

export const AGENT_CHANNEL_PATH = '/ccp-v2/agent';
/** Requests carry a few small fields; anything bigger is not from the CCP page. */
const MAX_FRAME_BYTES = 64 * 1024;
const MAX_LOGIN_LENGTH = 64;

export interface CcpPage {
  ws: WebSocket;
  agent: Agent;
  /** Opens this page's chat socket (agentChat.ts); valid while the page is open. */
  chatTicket: string;
}

export class CcpPages {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly pages = new Set<CcpPage>();

  constructor(
    private readonly deps: CcpDeps,
    private readonly router: () => Router,
    private readonly onClosed: (page: CcpPage) => void,
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, query: URLSearchParams): void {
    // The channel can accept chats and hand out tokens: only the CCP page itself (same origin) may open
    // it from a browser. Clients without an Origin header (tests, tools) are not browsers.
    if (!isSameOrigin(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const login = (query.get('agent') ?? 'agent').trim().slice(0, MAX_LOGIN_LENGTH) || 'agent';
    const displayName = (query.get('name') ?? '').trim().slice(0, MAX_LOGIN_LENGTH) || login;
    this.server.handleUpgrade(req, socket, head, (ws) => this.adopt(ws, login, displayName));
  }

  private adopt(ws: WebSocket, login: string, displayName: string): void {
    let agent: Agent;
    try {
      agent = this.router().openPage(login, displayName);
    } catch (error) {
      ws.close(1008, error instanceof Error ? error.message.slice(0, 120) : 'refused');
      return;
    }
    const page: CcpPage = { ws, agent, chatTicket: randomBytes(18).toString('base64url') };
    this.pages.add(page);
    this.send(page, { type: 'welcome', chatSocketPath: `/ccp-v2/chat?ticket=${page.chatTicket}` });
    this.send(page, { type: 'agent', data: agentDataOf(page.agent, this.deps.clock.nowMs()) });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onFrame(page, data);
    });
    const close = (): void => this.close(page);
    ws.on('close', close);
    ws.on('error', close);
  }

  private close(page: CcpPage): void {
    if (!this.pages.delete(page)) return;
    this.router().closePage(page.agent);
    this.onClosed(page);
  }

  byTicket(ticket: string): CcpPage | undefined {
    return [...this.pages].find((page) => page.chatTicket === ticket);
  }

  /** Pushes the agent's fresh data to each of its open pages. */
  agentChanged(agent: Agent): void {
    const message = { type: 'agent', data: agentDataOf(agent, this.deps.clock.nowMs()) };
    this.pages.forEach((page) => {
      if (page.agent === agent) this.send(page, message);
    });
  }

  private onFrame(page: CcpPage, data: RawData): void {
    const frame = parseJsonFrame(data);
    if (!frame || frame.type !== 'request' || typeof frame.requestId !== 'string' || typeof frame.method !== 'string') return;
    const params = isJsonObject(frame.params) ? frame.params : {};
    try {
      const result = answerRequest(this.deps, this.router(), page.agent, frame.method, params);
      this.send(page, { type: 'response', requestId: frame.requestId, data: result });
    } catch (error) {
      const known = error instanceof CcpRequestError;
      const err = { type: known ? error.type : 'InternalServiceException', message: error instanceof Error ? error.message : String(error) };
      this.send(page, { type: 'response', requestId: frame.requestId, err });
    }
  }

  /** Every answer and push is capped: a page that stops reading while it sends requests is cut (boundedSend.ts). */
  private send(page: CcpPage, message: unknown): void {
    sendBounded(page.ws, JSON.stringify(message), this.deps.maxSocketBufferBytes);
  }

  closeAll(): void {
    this.pages.forEach((page) => page.ws.terminate());
    this.pages.clear();
    this.server.close();
  }
}

function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

