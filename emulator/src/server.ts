// The HTTP(S) server: common headers, preflight, and the split between the AWS API, attachment
// URLs, the control API, static files and the websocket upgrade. No request can crash the process:
// every handler's failure becomes a JSON error answer.
import { randomUUID } from 'crypto';
import * as http from 'http';
import * as https from 'https';
import type { Socket } from 'net';
import { ATTACHMENTS_PATH, handleAttachmentRequest } from './attachments';
import { handleStartChatContact } from './connectApi';
import type { EmulatorContext } from './context';
import { CONTROL_PREFIX, handleControlRequest } from './controlApi';
import { toServiceError, unknownOperation } from './errors';
import { answerPreflight, normalizePath, sendError, setCommonHeaders } from './http';
import { handleParticipantRequest, PARTICIPANT_PREFIX } from './participantApi';
import { isStaticPath, redirect, serveStatic } from './staticFiles';

export type AnyServer = http.Server | https.Server;

export function createServer(ctx: EmulatorContext, tls?: { cert: string | Buffer; key: string | Buffer }): AnyServer {
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    route(ctx, req, res).catch((err: unknown) => sendError(res, toServiceError(err)));
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, onRequest) : http.createServer(onRequest);
  server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => ctx.hub.handleUpgrade(req, socket, head));
  server.on('clientError', (_err, socket: Socket) => {
    // Malformed HTTP: answer 400 if the socket still can, as node's default does, but never throw.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

async function route(ctx: EmulatorContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  setCommonHeaders(req, res, randomUUID());
  const { path, query } = normalizePath(req.url);
  if (req.method === 'OPTIONS') return answerPreflight(req, res);
  if (path.startsWith(PARTICIPANT_PREFIX)) return handleParticipantRequest(ctx, req, res, path);
  if (path.startsWith('/contact/')) return handleStartChatContact(ctx, req, res, path);
  if (path.startsWith(ATTACHMENTS_PATH)) return handleAttachmentRequest(ctx, req, res, path, query);
  if (path.startsWith(CONTROL_PREFIX)) return handleControlRequest(ctx, req, res, path, query);
  if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return redirect(res, '/examples/');
  if (isStaticPath(path)) return serveStatic(ctx.options.staticRoot, req, res, path);
  req.resume();
  sendError(res, unknownOperation(req.method ?? 'GET', path));
}
