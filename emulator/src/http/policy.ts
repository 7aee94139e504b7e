// Who may talk to the emulator. It is a development server on the developer's machine, so a web page on
// another site must not drive it (CORS only for loopback origins, the emulator's own pages and the
// --allow-origin list) and a DNS-rebound name must not reach it (the Host header must name this machine).
import type { IncomingMessage } from 'http';
import { networkInterfaces } from 'os';
import { isLoopbackName, isWildcardAddress, PublicAddress } from '../core/address';
import { ServiceError } from '../core/errors';

/** The media type the control API accepts, so that a cross-site form post (always another type) cannot reach it. */
const CONTROL_MEDIA_TYPE = 'application/json';

export class AccessPolicy {
  private readonly allowedOrigins: Set<string>;
  private readonly allowedHostnames: Set<string>;

  /** `allowOrigins` come normalised (the resolved options, context.ts). */
  constructor(
    allowOrigins: readonly string[],
    private readonly address: PublicAddress,
  ) {
    this.allowedOrigins = new Set(allowOrigins);
    this.allowedHostnames = new Set(
      [...this.allowedOrigins].filter((origin) => origin !== 'null').map((origin) => new URL(origin).hostname.toLowerCase()),
    );
  }

  /** Throws 403 unless the request's Host names this machine and its Origin (if any) may use the emulator. */
  check(req: IncomingMessage): void {
    const host = req.headers.host;
    if (!host || !this.hostAllowed(host)) {
      throw new ServiceError(403, 'AccessDeniedException', `Host ${host ?? '(none)'} is not an address of this emulator`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !this.originAllowed(origin, host)) {
      throw new ServiceError(403, 'AccessDeniedException', `Origin ${origin} may not use the emulator; start it with --allow-origin ${origin} to allow it`);
    }
  }

  /** The value for Access-Control-Allow-Origin, or undefined when the origin gets no CORS. */
  corsOrigin(req: IncomingMessage): string | undefined {
    const origin = req.headers.origin;
    if (origin === undefined) return '*';
    return this.originAllowed(origin, req.headers.host ?? '') ? origin : undefined;
  }

  /**
   * The CSP `frame-ancestors` sources: the pages that may embed the emulator's pages (the CCP above all):
   * its own origin, loopback pages, the --allow-origin list, and the referring page's origin when it is
   * one of those (CSP cannot say "127.x.x.x"). IPv6 literals cannot be written in CSP; `null` neither.
   */
  frameAncestors(req: IncomingMessage): string {
    const sources = new Set(["'self'", ...LOOPBACK_FRAME_SOURCES]);
    this.allowedOrigins.forEach((origin) => {
      if (origin !== 'null' && !origin.includes('[')) sources.add(origin);
    });
    const referrer = originOf(req.headers.referer);
    if (referrer && !referrer.includes('[') && this.originAllowed(referrer, req.headers.host ?? '')) sources.add(referrer);
    return `frame-ancestors ${[...sources].join(' ')}`;
  }

  private hostAllowed(host: string): boolean {
    const hostname = hostnameOf(host);
    if (hostname === undefined) return false;
    if (isLoopbackName(hostname) || this.allowedHostnames.has(hostname)) return true;
    return this.boundAddresses().includes(hostname.replace(/^\[|\]$/g, ''));
  }

  /** The addresses a client may name: the bound one, or every interface's when bound to all of them. */
  private boundAddresses(): string[] {
    if (!isWildcardAddress(this.address.address)) return [this.address.address.toLowerCase()];
    return Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .map((entry) => entry.address.toLowerCase());
  }

  private originAllowed(origin: string, host: string): boolean {
    if (origin === 'null') return this.allowedOrigins.has('null');
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (isLoopbackName(parsed.hostname)) return true;
    if (this.allowedOrigins.has(parsed.origin)) return true;
    // A page the emulator served itself: same scheme-less host and port as the request names.
    return parsed.host.toLowerCase() === host.toLowerCase() && this.hostAllowed(host);
  }
}

/** `http://Example.com:80/` → `http://example.com`; `null` stays `null`; anything else is a usage error. */
export function normalizeOrigin(origin: string): string {
  if (origin === 'null') return origin;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new TypeError(`allowOrigins: ${origin} is not an origin (expected scheme://host[:port])`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.origin === 'null') {
    throw new TypeError(`allowOrigins: ${origin} must be an http or https origin, or null`);
  }
  return parsed.origin;
}

/** Loopback names CSP can express, any port, http and https. */
const LOOPBACK_FRAME_SOURCES = ['localhost', '*.localhost', '127.0.0.1'].flatMap((name) => [`http://${name}:*`, `https://${name}:*`]);

function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Control API bodies must be declared JSON; a request with neither body nor Content-Type passes. */
export function checkControlContentType(req: IncomingMessage): void {
  const declared = req.headers['content-type'];
  const length = Number(req.headers['content-length'] ?? 0);
  const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
  if (declared === undefined && !hasBody) return;
  if ((declared ?? '').split(';')[0].trim().toLowerCase() !== CONTROL_MEDIA_TYPE) {
    throw new ServiceError(415, 'UnsupportedMediaTypeException', `The control API takes Content-Type: ${CONTROL_MEDIA_TYPE}`);
  }
}
