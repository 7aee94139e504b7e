// Wire frames (chatjs-behavior §1.3) and the transport result check (§1.2): building, parsing, validating.
// Nothing here throws on bad input from the network; callers get `null` or a reason string instead.
import { TOPICS } from '../constants.js';
import { isLoopbackHost } from '../util/values.js';
import type { WebSocketFrame } from '../types.js';

export const RESERVED_TOPICS: ReadonlySet<string> = new Set([TOPICS.subscribe, TOPICS.unsubscribe, TOPICS.heartbeat, TOPICS.ping]);

/** A client frame as sent: `{topic, content}`, `content` left out when undefined. */
export function encodeFrame(topic: string, content?: unknown): string {
  return JSON.stringify(content === undefined ? { topic } : { topic, content });
}

/** The text to send for an app's frame, or null when its topic is missing or reserved. */
export function outgoingFrame(frame: WebSocketFrame): string | null {
  const { topic } = frame;
  if (typeof topic !== 'string' || topic === '' || RESERVED_TOPICS.has(topic)) return null;
  return encodeFrame(topic, frame.content);
}

export const subscribeFrame = (topics: readonly string[]): string => encodeFrame(TOPICS.subscribe, { topics: [...topics] });

/** The frame object in `data`, or null for empty, non-text or non-JSON-object data. */
export function parseFrame(data: unknown): WebSocketFrame | null {
  if (typeof data !== 'string' || data.length === 0) return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as WebSocketFrame) : null;
  } catch {
    return null;
  }
}

/** Kinds of incoming frames, in the order the manager routes them. */
export type FrameKind = 'subscribe' | 'heartbeat' | 'ping' | 'topicFailure' | 'data' | 'unknown';

export function classifyFrame(frame: WebSocketFrame): FrameKind {
  const { topic } = frame;
  if (typeof topic !== 'string' || topic === '') return 'message' in frame ? 'topicFailure' : 'unknown';
  if (topic === TOPICS.subscribe) return 'subscribe';
  if (topic === TOPICS.heartbeat) return 'heartbeat';
  if (topic === TOPICS.ping) return 'ping';
  return 'data';
}

/** A subscribe response: success flag and the topics it names (null when it names none). */
export function readSubscribeAck(frame: WebSocketFrame): { success: boolean; topics: string[] | null } {
  // A field of non-object content reads as undefined, so no type check is needed first.
  const content = frame.content as { status?: unknown; topics?: unknown } | null | undefined;
  const raw = content?.topics;
  const topics = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : null;
  return { success: content?.status === 'success', topics };
}

export interface ValidTransport {
  url: string;
  lifetimeMs: number;
}

const MIN_LIFETIME_MS = 300_000;
/** `wss://…`, or `ws://` to a loopback host (local emulator). */
export function isAllowedSocketUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'wss:') return parsed.hostname !== '';
  return parsed.protocol === 'ws:' && isLoopbackHost(parsed.hostname);
}

/** The usable transport in a transport-function result, or a sentence saying what is wrong with it. */
export function validateTransportResult(result: unknown): ValidTransport | string {
  const transport = (result as { webSocketTransport?: unknown } | null | undefined)?.webSocketTransport;
  if (typeof transport !== 'object' || transport === null) {
    return 'the transport function must resolve {webSocketTransport: {url, transportLifeTimeInSeconds}}';
  }
  const { url, transportLifeTimeInSeconds } = transport as { url?: unknown; transportLifeTimeInSeconds?: unknown };
  if (typeof url !== 'string' || !isAllowedSocketUrl(url)) {
    return 'webSocketTransport.url must be a wss:// URL (ws:// only to 127.0.0.1, localhost or [::1])';
  }
  const lifetimeMs = Number(transportLifeTimeInSeconds) * 1000;
  if (!Number.isFinite(lifetimeMs) || lifetimeMs < MIN_LIFETIME_MS) {
    return 'webSocketTransport.transportLifeTimeInSeconds must be a number of at least 300';
  }
  return { url, lifetimeMs };
}

/** The URL without query or fragment, for logs: the query carries the connection's auth token. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '[unparseable url]';
  }
}
