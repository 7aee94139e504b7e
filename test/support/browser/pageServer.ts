// Serves test pages from http://localhost:<port> (another origin than the emulator's 127.0.0.1, so CORS
// is real). A real server rather than page.route: Chromium refuses loopback requests from pages of an
// unknown address space.
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/** `routes` maps a path to [content type, body]; `headers` are added to every response. */
export async function startPageServer(routes: Record<string, [string, string | Buffer]>, headers: Record<string, string> = {}): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0]];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': route[0], 'Cache-Control': 'no-store' });
    res.end(route[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
