// The chat websocket: the URL from CreateParticipantConnection opens a socket for one participant;
// subscribed sockets get every item of their contact (the sender's own included, as the service
// echoes them). Heartbeat and deep-heartbeat frames are answered unless a stall fault is active.
import { EventTypes } from '../core/contentTypes';
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { RawData, WebSocket, WebSocketServer } from 'ws';
import type { ChatListener } from '../chat/chatService';
import type { Clock, Scheduler } from '../core/scheduler';
import { parseJsonFrame } from '../core/validation';
import { targetMatches, FaultTarget } from '../faults';
import type { Faults } from '../faults';
import { normalizePath } from '../http/common';
import type { Contact, Participant, Store } from '../store/store';
import type { Item } from '../types';
import { ControlAnswers, sendBounded } from './boundedSend';

export const WEBSOCKET_PATH = '/ws';
/** Frames from clients are tiny; anything larger is garbage and closes the socket (ws answers 1009). */
const MAX_CLIENT_FRAME_BYTES = 64 * 1024;
/** Sockets of an ended chat stay open briefly so chat.ended is read before the close. */
const CLOSE_AFTER_END_MS = 1000;

interface Connection {
  ws: WebSocket;
  /** The upgraded TCP socket under `ws`, corked while a burst of frames is written (see sendText). */
  socket: Duplex;
  corked: boolean;
  contactId: string;
  participantId: string;
  subscribed: boolean;
  /** Half-open emulation: until this time nothing is delivered or answered. */
  stalledUntilMs: number;
}

/** What the hub uses of the rest of the emulator. */
export interface HubDeps {
  store: Store;
  clock: Clock;
  scheduler: Scheduler;
  faults: Pick<Faults, 'isRefusing'>;
  /** Unsent bytes past which a socket is closed (its reader stopped reading). */
  maxBufferedBytes: number;
}

interface ClientFrame {
  topic: string;
  content?: unknown;
}

export class WebsocketHub implements ChatListener {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  /** Open connections by contactId: each item goes to its contact's sockets without scanning every socket. */
  private readonly connectionsByContact = new Map<string, Set<Connection>>();
  /** Sockets ever accepted, by `contactId participantId` (the control API's socket count). */
  private readonly opened = new Map<string, number>();
  /** Participants (by contact) whose socket has subscribed at least once. */
  private readonly everSubscribed = new Map<string, Set<string>>();
  /** Open connections by participantId: "is this participant connected" without scanning every socket. */
  private readonly connectionsByParticipant = new Map<string, Set<Connection>>();
  /** Subscribe, heartbeat and ping answers: one outstanding per topic and socket. */
  private readonly controlAnswers: ControlAnswers;

  constructor(private readonly deps: HubDeps) {
    this.controlAnswers = new ControlAnswers(deps.maxBufferedBytes);
  }

  /** Builds the `ws://127.0.0.1:<port>/ws?ticket=…` URL handed out by CreateParticipantConnection. */
  urlFor(ticket: string, base: string): string {
    return `${base}${WEBSOCKET_PATH}?ticket=${encodeURIComponent(ticket)}`;
  }

  /** The server's `upgrade` event: accept a valid, unexpired ticket of an active participant. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => undefined);
    const { path, query } = normalizePath(req.url);
    const ref = path === WEBSOCKET_PATH ? this.deps.store.byWebsocketTicket(query.get('ticket') ?? '', this.deps.clock.nowMs()) : undefined;
    const target = ref ? { contactId: ref.contact.contactId, participantId: ref.participant.participantId } : {};
    if (this.deps.faults.isRefusing(target)) {
      socket.destroy();
      return;
    }
    if (!ref || ref.contact.state !== 'ACTIVE' || ref.participant.state !== 'ACTIVE') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.adopt(ws, socket, ref.contact.contactId, ref.participant.participantId));
  }

  private adopt(ws: WebSocket, socket: Duplex, contactId: string, participantId: string): void {
    const connection: Connection = { ws, socket, corked: false, contactId, participantId, subscribed: false, stalledUntilMs: 0 };
    this.track(connection);
    ws.on('message', (data, isBinary) => this.onFrame(connection, data, isBinary));
    ws.on('close', () => this.untrack(connection));
    ws.on('error', () => this.untrack(connection));
  }

  /** The open sockets (of one contact, or all) and how many each participant opened so far. */
  socketReport(contactId?: string): { open: { contactId: string; participantId: string; subscribed: boolean }[]; opened: { contactId: string; participantId: string; count: number }[] } {
    const open = this.allConnections()
      .filter((connection) => contactId === undefined || connection.contactId === contactId)
      .map(({ contactId: contact, participantId, subscribed }) => ({ contactId: contact, participantId, subscribed }));
    const opened = [...this.opened]
      .map(([key, count]) => {
        const [contact, participantId] = key.split(' ');
        return { contactId: contact, participantId, count };
      })
      .filter((entry) => contactId === undefined || entry.contactId === contactId);
    return { open, opened };
  }

  private track(connection: Connection): void {
    const key = `${connection.contactId} ${connection.participantId}`;
    this.opened.set(key, (this.opened.get(key) ?? 0) + 1);
    addTo(this.connectionsByContact, connection.contactId, connection);
    addTo(this.connectionsByParticipant, connection.participantId, connection);
  }

  private untrack(connection: Connection): void {
    removeFrom(this.connectionsByContact, connection.contactId, connection);
    removeFrom(this.connectionsByParticipant, connection.participantId, connection);
  }

  private allConnections(): Connection[] {
    return [...this.connectionsByContact.values()].flatMap((ofContact) => [...ofContact]);
  }

  private isStalled(connection: Connection): boolean {
    return connection.stalledUntilMs > Date.now();
  }

  private onFrame(connection: Connection, data: RawData, isBinary: boolean): void {
    if (isBinary || this.isStalled(connection)) return;
    const frame = parseClientFrame(data);
    if (!frame) return; // garbage is ignored, as the gateway does not answer it either
    switch (frame.topic) {
      case 'aws/subscribe':
        this.subscribe(connection, frame.content, true);
        break;
      case 'aws/unsubscribe':
        this.subscribe(connection, frame.content, false);
        break;
      case 'aws/heartbeat':
        this.answer(connection, { topic: 'aws/heartbeat' });
        break;
      case 'aws/ping':
        this.answer(connection, { topic: 'aws/ping', statusCode: 200 });
        break;
      default:
        break;
    }
  }

  private subscribe(connection: Connection, content: unknown, subscribe: boolean): void {
    const topics = (content as { topics?: unknown } | undefined)?.topics;
    const topic = subscribe ? 'aws/subscribe' : 'aws/unsubscribe';
    if (!Array.isArray(topics) || !topics.every((entry) => typeof entry === 'string')) {
      this.answer(connection, { topic, content: { status: 'failure', topics: [] } });
      return;
    }
    if (topics.includes('aws/chat')) connection.subscribed = subscribe;
    this.answer(connection, { topic, content: { status: 'success', topics } });
    if (subscribe && topics.includes('aws/chat')) this.replayRehydration(connection);
  }

  /** A control answer (ack, heartbeat, ping): capped like every frame, and one outstanding per topic. */
  private answer(connection: Connection, frame: { topic: string; [field: string]: unknown }): void {
    corkForTick(connection);
    this.controlAnswers.send(connection.ws, frame.topic, JSON.stringify(frame));
  }

  /**
   * chat.rehydrated is published by StartChatContact, before any socket can exist; like the service, the
   * emulator makes sure each participant hears it, on its first subscription.
   */
  private replayRehydration(connection: Connection): void {
    const ofContact = this.everSubscribed.get(connection.contactId) ?? new Set<string>();
    if (ofContact.has(connection.participantId)) return;
    ofContact.add(connection.participantId);
    this.everSubscribed.set(connection.contactId, ofContact);
    const contact = this.deps.store.findParticipant(connection.contactId, connection.participantId)?.contact;
    contact?.items
      .filter((stored) => !stored.past && stored.item.ContentType === EventTypes.chatRehydrated)
      .forEach((stored) => sendText(connection, JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(stored.item) }), this.deps.maxBufferedBytes));
  }

  itemPublished(contact: Contact, item: Item): void {
    const frame = JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(item) });
    this.connectionsByContact.get(contact.contactId)?.forEach((connection) => {
      if (connection.subscribed && !this.isStalled(connection)) {
        sendText(connection, frame, this.deps.maxBufferedBytes);
      }
    });
  }

  participantLeft(contact: Contact, participant: Participant): void {
    this.closeLater({ contactId: contact.contactId, participantId: participant.participantId });
  }

  contactEnded(contact: Contact): void {
    this.closeLater({ contactId: contact.contactId });
  }

  contactForgotten(contact: Contact): void {
    this.everSubscribed.delete(contact.contactId);
  }

  private closeLater(target: FaultTarget): void {
    this.deps.scheduler.after(CLOSE_AFTER_END_MS, () => this.matching(target).forEach((connection) => connection.ws.close(1000, 'Chat ended')));
  }

  private matching(target: FaultTarget): Connection[] {
    return this.allConnections().filter((connection) => targetMatches(target, connection));
  }

  /** The drop-sockets fault: no close frame, as a lost network looks. */
  drop(target: FaultTarget): number {
    const victims = this.matching(target);
    victims.forEach((connection) => {
      connection.ws.terminate();
      this.untrack(connection);
    });
    return victims.length;
  }

  /** The stall-sockets fault: the sockets open now go silent for `durationMs`. */
  stall(target: FaultTarget, durationMs: number): void {
    const until = Date.now() + durationMs;
    this.matching(target).forEach((connection) => {
      connection.stalledUntilMs = until;
    });
  }

  isConnected(participantId: string): boolean {
    const ofParticipant = this.connectionsByParticipant.get(participantId);
    return ofParticipant !== undefined && [...ofParticipant].some((connection) => connection.ws.readyState === WebSocket.OPEN);
  }

  closeAll(): Promise<void> {
    this.allConnections().forEach((connection) => connection.ws.terminate());
    this.connectionsByContact.clear();
    this.connectionsByParticipant.clear();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function parseClientFrame(data: RawData): ClientFrame | undefined {
  const frame = parseJsonFrame(data);
  return frame && typeof frame.topic === 'string' ? (frame as unknown as ClientFrame) : undefined;
}

function addTo(index: Map<string, Set<Connection>>, key: string, connection: Connection): void {
  const entries = index.get(key) ?? new Set<Connection>();
  entries.add(connection);
  index.set(key, entries);
}

function removeFrom(index: Map<string, Set<Connection>>, key: string, connection: Connection): void {
  const entries = index.get(key);
  entries?.delete(connection);
  if (entries?.size === 0) index.delete(key);
}

/**
 * Frames sent in one synchronous run (a burst of items, a flood batch) leave in one socket write: the
 * socket stays corked until the current operation completes. One write per frame made the kernel calls,
 * not the chat logic, the emulator's main cost.
 */
function corkForTick(connection: Connection): void {
  if (connection.corked || connection.ws.readyState !== WebSocket.OPEN) return;
  connection.corked = true;
  connection.socket.cork();
  process.nextTick(() => {
    connection.corked = false;
    connection.socket.uncork();
  });
}

/** An item frame: past the socket's unsent-bytes cap the socket is cut (boundedSend.ts). */
function sendText(connection: Connection, text: string, maxBufferedBytes: number): void {
  corkForTick(connection);
  sendBounded(connection.ws, text, maxBufferedBytes);
}
