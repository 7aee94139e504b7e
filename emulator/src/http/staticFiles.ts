// Serves the repository's `dist/` at /dist/ and `examples/` at /examples/, so one URL opens the demo.
// Only files whose real path (symlinks resolved) lies inside the served folder are served; no dotfile
// and nothing under node_modules is, whatever the path.
import { promises as fs } from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import * as path from 'path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** URL prefix → folder under the static root. */
export const STATIC_MOUNTS: Record<string, string> = { '/dist/': 'dist', '/examples/': 'examples' };

export function isStaticPath(urlPath: string): boolean {
  return Object.keys(STATIC_MOUNTS).some((prefix) => urlPath.startsWith(prefix) || urlPath === prefix.slice(0, -1));
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
  const prefix = Object.keys(STATIC_MOUNTS).find((candidate) => urlPath.startsWith(candidate));
  if (!prefix) return redirect(res, `${urlPath}/`); // `/examples` → `/examples/`
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
  const base = await realPath(path.resolve(root, STATIC_MOUNTS[prefix]));
  const file = base && resolveInside(base, urlPath.slice(prefix.length));
  if (!base || !file) return plain(res, 404, 'Not found');
  const target = await statOrUndefined(file);
  if (target?.isDirectory()) {
    if (!urlPath.endsWith('/')) return redirect(res, `${urlPath}/`);
    return sendFile(req, res, base, path.join(file, 'index.html'));
  }
  return sendFile(req, res, base, file);
}

/** Decodes the URL path and keeps it inside `base` (no `..`, no NUL, no dotfile or node_modules segment). */
function resolveInside(base: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  if (hasHiddenSegment(decoded)) return undefined;
  const resolved = path.resolve(base, `.${path.sep}${decoded}`);
  return isInside(base, resolved) ? resolved : undefined;
}

/** A dotfile or dot-folder (`.git`, `.env`) or node_modules anywhere in the path. */
function hasHiddenSegment(relative: string): boolean {
  return relative.split(/[\\/]/).some((segment) => (segment.startsWith('.') && segment !== '.' && segment !== '..') || segment.toLowerCase() === 'node_modules');
}

function isInside(base: string, candidate: string): boolean {
  return candidate === base || candidate.startsWith(base + path.sep);
}

async function realPath(file: string): Promise<string | undefined> {
  try {
    return await fs.realpath(file);
  } catch {
    return undefined;
  }
}

async function statOrUndefined(file: string): Promise<import('fs').Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch {
    return undefined;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, base: string, file: string): Promise<void> {
  // The real path decides: a symlink inside the folder that points out of it is not followed.
  const real = await realPath(file);
  if (!real || !isInside(base, real) || hasHiddenSegment(path.relative(base, real))) return plain(res, 404, 'Not found');
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(real);
  } catch {
    return plain(res, 404, 'Not found');
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Content-Length': '0' });
  res.end();
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
