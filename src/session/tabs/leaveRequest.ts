// The DisconnectParticipant request of leave-on-close, built as the Participant client would put it on the
// wire, for a `fetch(..., { keepalive: true })` that outlives the page.
import { buildRequest } from '../../client/restJsonRequest.js';
import { uuidV4 } from '../../util/uuid.js';

/** The request as `fetch` takes it, keepalive included: built ahead, it is sent with no work left to do. */
export interface LeaveRequest {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string; keepalive: true; credentials: 'omit' };
}

/** `serviceUrl`: the Participant Service endpoint (the configured one, else the region's). */
export function leaveRequest(serviceUrl: string, connectionToken: string): LeaveRequest {
  const base = new URL(serviceUrl);
  const request = buildRequest(
    'DisconnectParticipant',
    { ConnectionToken: connectionToken, ClientToken: uuidV4() },
    { protocol: base.protocol, hostname: base.hostname, port: base.port ? Number(base.port) : undefined, path: base.pathname, query: {} },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
  return {
    url: `${base.origin}${request.path}`,
    init: { method: request.method, headers, body: request.body ?? '{}', keepalive: true, credentials: 'omit' },
  };
}

/**
 * The leave request of the current token, built once per token: `pagehide` then only sends what was built
 * when the page turned hidden (the token rarely changes in between: a renewal or a reconnect).
 */
export function leaveRequestPerToken(build: (connectionToken: string) => LeaveRequest): (connectionToken: string) => LeaveRequest {
  let built: { token: string; request: LeaveRequest } | null = null;
  return (connectionToken) => {
    if (built?.token !== connectionToken) built = { token: connectionToken, request: build(connectionToken) };
    return built.request;
  };
}
