// A page opened as a file (file://), or shown in a sandboxed frame, sends `Origin: null`. The emulator
// refuses such pages (any of them could otherwise drive it) unless started with `--allow-origin null`, but it
// says why instead of leaving the developer with a bare CORS error: the preflight passes and the 403 carries
// CORS for `null`, so the page can read the hint, and the emulator's console prints it once.
import type { IncomingMessage, ServerResponse } from 'http';
import { ServiceError } from '../core/errors';
import { answerPreflight, sendError } from './common';

/** Where the hint goes: the emulator's own URL (for the advice) and its console, told once. */
export interface NullOriginNotice {
  url: () => string;
  logOnce: (line: string) => void;
}

/** A notice that prints on the first refusal only. */
export function nullOriginNotice(url: () => string, log: (line: string) => void): NullOriginNotice {
  let told = false;
  return {
    url,
    logOnce: (line) => {
      if (told) return;
      told = true;
      log(line);
    },
  };
}

/** What to do instead, with this emulator's own URL in it. */
export function fileOriginHint(emulatorUrl: string): string {
  return (
    'This page was opened as a file (file://) or in a sandboxed frame, so its requests carry "Origin: null", ' +
    'which the emulator refuses. Serve the page from localhost instead: put it in the examples/ folder and open ' +
    `${emulatorUrl}/examples/<page>.html (npm start serves that folder), or serve its folder with any local web ` +
    'server (for example `python3 -m http.server 8080`, then http://localhost:8080/<page>.html). ' +
    'To accept such pages anyway, start the emulator with --allow-origin null.'
  );
}

/** True when the request comes from an opaque (`null`) origin the emulator was not told to accept. */
export function isRefusedNullOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  return req.headers.origin === 'null' && !allowedOrigins.includes('null');
}

/** Answers such a request: its preflight passes, anything else is a 403 the page can read. Nothing else runs. */
export function answerNullOrigin(notice: NullOriginNotice, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', 'null');
  if (req.method === 'OPTIONS') return answerPreflight(req, res);
  const hint = fileOriginHint(notice.url());
  notice.logOnce(`refused a request from "Origin: null" (${req.method ?? 'GET'} ${req.url ?? '/'}). ${hint}`);
  req.resume();
  sendError(res, new ServiceError(403, 'AccessDeniedException', hint));
}
