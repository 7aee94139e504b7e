// The HTTP(S) server: the access policy (Host and Origin), common headers, preflight, and the split
// between the AWS API, attachment URLs, the control API, static files and the websocket upgrade. No
// request can crash the process: every handler's failure becomes a JSON error answer.
import { randomUUID } from 'crypto';
import * as http from 'http';
import * as https from 'https';
import type { Socket } from 'net';
import { handleAttachmentRequest } from './participant/attachmentUrls';
import { ATTACHMENTS_PATH } from './store/attachmentStore';
import { CcpService } from './ccp/service';
import { handleStartChatContact } from './connect/startChatContact';
import type { EmulatorContext } from './context';
import { CONTROL_PREFIX, handleControlRequest } from './control/routes';
import { toServiceError, unknownOperation } from './core/errors';
import { handleParticipantRequest, PARTICIPANT_PREFIX } from './participant/routes';
import { answerPreflight, normalizePath, sendError, setCommonHeaders } from './http/common';
import { ConnectionCap } from './http/connectionCap';
import { answerNullOrigin, isRefusedNullOrigin, nullOriginNotice, type NullOriginNotice } from './http/fileOrigin';
import { AccessPolicy } from './http/policy';
import { isStaticPath, redirect, serveStatic } from './http/staticFiles';

export type AnyServer = http.Server | https.Server;


export function createServer(ctx: EmulatorContext, tls?: { cert: string | Buffer; key: string | Buffer }): AnyServer {
  const policy = new AccessPolicy(ctx.options.allowOrigins, ctx.address);
  const cap = new ConnectionCap(ctx.options.maxConnections, Boolean(tls), ctx.options.log);
  const notice = nullOriginNotice(() => ctx.address.url('http'), ctx.options.log);
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (cap.isRefused(req.socket)) return; // already answered 503 by the cap
    cap.requestStarted(req.socket);
    route(ctx, policy, notice, req, res).catch((err: unknown) => sendError(res, toServiceError(err)));
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, onRequest) : http.createServer(onRequest);
  server.prependListener('connection', (socket: Socket) => cap.admit(socket));
  server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    if (cap.isRefused(req.socket)) return;
    cap.requestStarted(req.socket);
    try {
      policy.check(req);
    } catch {
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!ctx.ccp.handleUpgrade(req, socket, head)) ctx.hub.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_err, socket: Socket) => {
    // Malformed HTTP: answer 400 if the socket still can, as node's default does, but never throw.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

async function route(ctx: EmulatorContext, policy: AccessPolicy, notice: NullOriginNotice, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  setCommonHeaders(res, randomUUID(), policy.corsOrigin(req));
  // No page of another site may frame the emulator's pages (the CCP at /ccp-v2/ above all).
  res.setHeader('Content-Security-Policy', policy.frameAncestors(req));
  if (isRefusedNullOrigin(req, ctx.options.allowOrigins)) return answerNullOrigin(notice, req, res);
  policy.check(req);
  const { path, query } = normalizePath(req.url);
  if (req.method === 'OPTIONS') return answerPreflight(req, res);
  if (path.startsWith(PARTICIPANT_PREFIX)) return handleParticipantRequest(ctx, req, res, path);
  if (path.startsWith('/contact/')) return handleStartChatContact(ctx, req, res, path);
  if (path.startsWith(ATTACHMENTS_PATH)) return handleAttachmentRequest(ctx, req, res, path, query);
  if (path.startsWith(CONTROL_PREFIX)) return handleControlRequest(ctx, req, res, path, query);
  if (CcpService.isCcpPath(path)) return ctx.ccp.handleRequest(req, res, path);
  if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return redirect(res, '/examples/');
  if (isStaticPath(path)) return serveStatic(ctx.options.staticRoot, req, res, path);
  req.resume();
  sendError(res, unknownOperation(req.method ?? 'GET', path));
}
