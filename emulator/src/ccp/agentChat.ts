// The agent's chat websocket (`/ccp-v2/chat?ticket=…`): one socket per CCP page carrying the aws/chat
// items of every contact the agent has accepted, as the real agent websocket does. It speaks the
// service's frames (aws/subscribe, aws/heartbeat, aws/chat); the CCP page relays them to Streams.
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { RawData, WebSocket, WebSocketServer } from 'ws';
import type { ChatListener } from '../chat/chatService';
import type { Contact } from '../store/store';
import type { Item } from '../types';
import { isJsonObject, parseJsonFrame } from '../core/validation';
import { ControlAnswers, sendBounded } from '../websocket/boundedSend';
import type { CcpPage } from './pages';
import type { Router } from './router';

export const CHAT_SOCKET_PATH = '/ccp-v2/chat';
const MAX_FRAME_BYTES = 64 * 1024;

interface ChatSocket {
  ws: WebSocket;
  page: CcpPage;
  subscribed: boolean;
}

export class AgentChatSockets implements ChatListener {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly sockets = new Set<ChatSocket>();
  /** Subscribe and heartbeat answers: one outstanding per topic and socket. */
  private readonly controlAnswers: ControlAnswers;

  constructor(
    private readonly router: () => Router,
    private readonly maxBufferedBytes: number,
  ) {
    this.controlAnswers = new ControlAnswers(maxBufferedBytes);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, page: CcpPage | undefined): void {
    if (!page) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => {
      const chatSocket: ChatSocket = { ws, page, subscribed: false };
      this.sockets.add(chatSocket);
      ws.on('message', (data, isBinary) => {
        if (!isBinary) this.onFrame(chatSocket, data);
      });
      ws.on('close', () => this.sockets.delete(chatSocket));
      ws.on('error', () => this.sockets.delete(chatSocket));
    });
  }

  private onFrame(chatSocket: ChatSocket, data: RawData): void {
    const frame = parseJsonFrame(data);
    if (!frame) return;
    if (frame.topic === 'aws/heartbeat') this.answer(chatSocket, { topic: 'aws/heartbeat' });
    if (frame.topic === 'aws/subscribe' || frame.topic === 'aws/unsubscribe') {
      const topics = isJsonObject(frame.content) && Array.isArray(frame.content.topics) ? frame.content.topics.filter((topic) => typeof topic === 'string') : [];
      if (topics.includes('aws/chat')) chatSocket.subscribed = frame.topic === 'aws/subscribe';
      this.answer(chatSocket, { topic: frame.topic, content: { status: 'success', topics } });
    }
  }

  private answer(chatSocket: ChatSocket, frame: { topic: string; [field: string]: unknown }): void {
    this.controlAnswers.send(chatSocket.ws, frame.topic, JSON.stringify(frame));
  }

  /** An item goes to the agents carrying the contact (once accepted, or monitoring), until they clear it. */
  itemPublished(contact: Contact, item: Item): void {
    const watchers = this.router().watchersOf(contact.contactId);
    if (watchers.length === 0) return;
    const frame = JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(item) });
    this.sockets.forEach((chatSocket) => {
      if (chatSocket.subscribed && watchers.includes(chatSocket.page.agent)) sendBounded(chatSocket.ws, frame, this.maxBufferedBytes);
    });
  }

  /** A CCP page closed: its chat sockets close with it. */
  pageClosed(page: CcpPage): void {
    this.sockets.forEach((chatSocket) => {
      if (chatSocket.page === page) chatSocket.ws.close(1000, 'CCP page closed');
    });
  }

  closeAll(): void {
    this.sockets.forEach((chatSocket) => chatSocket.ws.terminate());
    this.sockets.clear();
    this.server.close();
  }
}

