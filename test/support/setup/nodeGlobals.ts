// Integration tests run in Node, and a few in jsdom (a page with Streams). Fill in what those
// environments lack and a browser has: WebSocket (Node 20), TextEncoder/TextDecoder (jsdom).
import { TextDecoder, TextEncoder } from 'node:util';
import WebSocket from 'ws';

const scope = globalThis as Record<string, unknown>;
if (typeof scope.WebSocket === 'undefined') scope.WebSocket = WebSocket;
if (typeof scope.TextEncoder === 'undefined') scope.TextEncoder = TextEncoder;
if (typeof scope.TextDecoder === 'undefined') scope.TextDecoder = TextDecoder;
