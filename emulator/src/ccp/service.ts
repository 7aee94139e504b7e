// The emulated Amazon Connect CCP at /ccp-v2/ (spec/streams-ccp-emulation.md): the page Streams embeds,
// the page's agent channel and chat socket, and the routing of new chats to its agents.
import { promises as fs } from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import * as path from 'path';
import type { Duplex } from 'stream';
import { normalizePath } from '../http/common';
import { AgentChatSockets, CHAT_SOCKET_PATH } from './agentChat';
import type { CcpDeps } from './model';
import { AGENT_CHANNEL_PATH, CcpPages } from './pages';
import { Router } from './router';

export const CCP_PREFIX = '/ccp-v2';

/** The page's files, by URL name; nothing else under /ccp-v2/ is served (a Map: `constructor` is no file). */
const PAGE_FILES = new Map<string, string>([
  ['', 'index.html'],
  ['index.html', 'index.html'],
  ...['ccp.js', 'conduit.js', 'parent-origin.js', 'sdk-port.js', 'chat-relay.js', 'agent-channel.js', 'ccp.css'].map((file): [string, string] => [file, file]),
]);

/** emulator/assets/ccp-v2, from emulator/src/ccp (tests) as from emulator/dist/ccp (the package). */
const ASSETS_DIR = path.resolve(__dirname, '..', '..', 'assets', 'ccp-v2');

export interface AgentSummary {
  login: string;
  agentId: string;
  name: string;
  state: string;
  pages: number;
  contacts: Array<{ contactId: string; state: string; participantId: string }>;
}

export class CcpService {
  readonly router: Router;
  private readonly pages: CcpPages;
  private readonly chatSockets: AgentChatSockets;

  constructor(deps: CcpDeps) {
    // The router reports agent changes to the pages, and the pages and chat sockets act on the router:
    // they get it through a getter, so each can be built before the other.
    this.chatSockets = new AgentChatSockets(() => this.router, deps.maxSocketBufferBytes);
    this.pages = new CcpPages(deps, () => this.router, (page) => this.chatSockets.pageClosed(page));
    this.router = new Router(deps, (agent) => this.pages.agentChanged(agent));
    deps.chat.addListener(this.router);
    deps.chat.addListener(this.chatSockets);
  }

  static isCcpPath(urlPath: string): boolean {
    return urlPath === CCP_PREFIX || urlPath.startsWith(`${CCP_PREFIX}/`);
  }

  /** GET /ccp-v2/ and its scripts. */
  async handleRequest(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    req.resume();
    if (urlPath === CCP_PREFIX) return answer(res, 302, { Location: `${CCP_PREFIX}/` });
    const file = PAGE_FILES.get(urlPath.slice(CCP_PREFIX.length + 1));
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) return answer(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
    const body = await readAsset(file);
    // nosniff and the request id come with every answer (http/common.ts setCommonHeaders).
    answer(res, 200, { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' }, req.method === 'HEAD' ? undefined : body);
  }

  /** Websocket upgrades under /ccp-v2/; false when the path is not the CCP's. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const { path: urlPath, query } = normalizePath(req.url);
    if (!CcpService.isCcpPath(urlPath)) return false;
    socket.on('error', () => undefined);
    if (urlPath === AGENT_CHANNEL_PATH) this.pages.handleUpgrade(req, socket, head, query);
    else if (urlPath === CHAT_SOCKET_PATH) this.chatSockets.handleUpgrade(req, socket, head, this.pages.byTicket(query.get('ticket') ?? ''));
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return true;
  }

  /** The control API's view: every agent that logged in, its state and its contacts. */
  listAgents(): AgentSummary[] {
    return [...this.router.agents.values()].map((agent) => ({
      login: agent.login,
      agentId: agent.agentId,
      name: agent.displayName,
      state: agent.state.name,
      pages: agent.openPages,
      contacts: [...agent.contacts.values()].map((contact) => ({ contactId: contact.contactId, state: contact.state, participantId: contact.agentParticipantId })),
    }));
  }

  closeAll(): void {
    this.pages.closeAll();
    this.chatSockets.closeAll();
  }
}

/** The page files ship with the package and never change while it runs: each is read once. */
const assetCache = new Map<string, Promise<Buffer>>();

function readAsset(file: string): Promise<Buffer> {
  let body = assetCache.get(file);
  if (!body) {
    body = fs.readFile(path.join(ASSETS_DIR, file));
    assetCache.set(file, body);
    // A failed read is not kept, so the next request tries again.
    body.catch(() => assetCache.delete(file));
  }
  return body;
}

function contentTypeOf(file: string): string {
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  if (file.endsWith('.css')) return 'text/css; charset=utf-8';
  return 'text/javascript; charset=utf-8';
}

function answer(res: ServerResponse, status: number, headers: Record<string, string>, body?: Buffer | string): void {
  res.writeHead(status, { ...headers, 'Content-Length': body === undefined ? 0 : Buffer.byteLength(body) });
  res.end(body);
}
