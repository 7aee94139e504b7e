// The emulator as a dev server safe to leave running: who may call it (Origin, Host), what the control API
// accepts, which static files it serves, and what it says when bound beyond loopback.
import { promises as fs } from 'fs';
import { request } from 'http';
import { tmpdir } from 'os';
import * as path from 'path';
import WebSocket from 'ws';
import { startEmulator } from 'amazon-connect-chatjs-emulator';
import { parseArgs } from 'amazon-connect-chatjs-emulator/cli';
import { rawJson, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';

let emu: TestEmulator;
let staticRoot: string;

/** A static root whose examples/ holds a page, a dotfile, a node_modules file and symlinks in and out. */
async function makeStaticRoot(): Promise<string> {
  const root = await fs.mkdtemp(path.join(tmpdir(), 'emulator-static-'));
  const examples = path.join(root, 'examples');
  await fs.mkdir(path.join(examples, 'node_modules', 'pkg'), { recursive: true });
  await fs.mkdir(path.join(examples, '.hidden'), { recursive: true });
  await fs.mkdir(path.join(root, 'secret'), { recursive: true });
  await fs.writeFile(path.join(examples, 'index.html'), '<h1>examples</h1>');
  await fs.writeFile(path.join(examples, 'page.js'), 'console.log(1)');
  await fs.writeFile(path.join(examples, '.env'), 'TOKEN=1');
  await fs.writeFile(path.join(examples, '.hidden', 'file.txt'), 'hidden');
  await fs.writeFile(path.join(examples, 'node_modules', 'pkg', 'index.js'), 'module.exports = 1');
  await fs.writeFile(path.join(root, 'secret', 'config'), 'secret');
  await fs.symlink(path.join(root, 'secret'), path.join(examples, 'escape'));
  await fs.symlink(path.join(examples, 'page.js'), path.join(examples, 'alias.js'));
  await fs.symlink(path.join(examples, '.hidden'), path.join(examples, 'visible'));
  return root;
}

beforeAll(async () => {
  staticRoot = await makeStaticRoot();
  emu = await startTestEmulator({ staticRoot, allowOrigins: ['https://app.dev.example:8443'] });
});
afterAll(async () => {
  await emu.close();
  await fs.rm(staticRoot, { recursive: true, force: true });
});

/** A raw request whose Host and other headers are exactly as given. */
function rawRequest(
  pathName: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; setHost?: boolean } = {},
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const target = { host: '127.0.0.1', port: emu.handle.port, path: pathName, method: options.method ?? 'GET', headers: options.headers, setHost: options.setHost ?? true };
    const req = request(target, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function addAgent(contactId: string, headers: Record<string, string>) {
  return rawJson(`${emu.url}/emulator/contacts/${contactId}/participants`, { method: 'POST', headers, body: JSON.stringify({ role: 'AGENT' }) });
}

describe('origins', () => {
  it('refuses a control request from another site, with no CORS headers and no token', async () => {
    const started = await emu.startChat();
    const answer = await addAgent(started.ContactId, { 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body.__type).toBe('AccessDeniedException');
    expect(answer.body.message).toContain('--allow-origin https://evil.example');
    expect(answer.body.ParticipantToken).toBeUndefined();
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const { body } = await emu.control('GET', '/emulator/contacts');
    const contact = body.contacts.find((entry: { contactId: string }) => entry.contactId === started.ContactId);
    expect(contact.participants).toHaveLength(1);
  });

  it.each(['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'https://localhost', 'http://app.localhost:4000'])(
    'serves a loopback origin (%s) with CORS',
    async (origin) => {
      const started = await emu.startChat();
      const answer = await addAgent(started.ContactId, { 'content-type': 'application/json', origin });
      expect(answer.status).toBe(201);
      expect(answer.body.ParticipantToken).toEqual(expect.any(String));
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    },
  );

  it('serves an origin added with allowOrigins, and the emulator\'s own pages', async () => {
    const started = await emu.startChat();
    const allowed = await addAgent(started.ContactId, { 'content-type': 'application/json', origin: 'https://app.dev.example:8443' });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.dev.example:8443');
    const ownPage = await rawRequest('/emulator/health', { headers: { host: `127.0.0.1:${emu.handle.port}`, origin: emu.url } });
    expect(ownPage.status).toBe(200);
    const otherPort = await addAgent(started.ContactId, { 'content-type': 'application/json', origin: 'https://app.dev.example:9999' });
    expect(otherPort.status).toBe(403);
  });

  it('answers preflight only for allowed origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${emu.url}/participant/message`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-amz-bearer' } });
    const evil = await preflight('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const local = await preflight('http://localhost:5173');
    expect(local.status).toBe(204);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('refuses `Origin: null` (sandboxed frames, file pages) unless allowed', async () => {
    expect((await rawRequest('/emulator/health', { headers: { host: `127.0.0.1:${emu.handle.port}`, origin: 'null' } })).status).toBe(403);
    const permissive = await startTestEmulator({ allowOrigins: ['null'] });
    try {
      const answer = await rawJson(`${permissive.url}/emulator/health`, { headers: { origin: 'null' } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe('null');
    } finally {
      await permissive.close();
    }
  });

  it('refuses a websocket upgrade from another site; a loopback page connects', async () => {
    const customer = await emu.customer();
    const connection = await emu.participantClient().send(
      new (await import('@aws-sdk/client-connectparticipant')).CreateParticipantConnectionCommand({ ParticipantToken: customer.participantToken, Type: ['WEBSOCKET'] }),
    );
    const url = connection.Websocket?.Url ?? '';
    const refused = new WebSocket(url, { origin: 'https://evil.example' });
    const status = await new Promise<number>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      refused.on('error', () => resolve(-1));
    });
    expect(status).toBe(403);
    const accepted = new WebSocket(url, { origin: 'http://localhost:5173' });
    await new Promise<void>((resolve, reject) => {
      accepted.on('open', () => resolve());
      accepted.on('error', reject);
    });
    accepted.terminate();
  });

  it('rejects a malformed allowOrigins entry, naming it', async () => {
    await expect(startEmulator({ port: 0, allowOrigins: ['not an origin'] })).rejects.toThrow('not an origin');
    await expect(startEmulator({ port: 0, allowOrigins: ['ftp://files.example'] })).rejects.toThrow('http or https');
  });
});

describe('Host', () => {
  it.each(['evil.example', `rebind.attacker.example:${0}`, '10.1.2.3:9100'])('refuses Host %s (DNS rebinding)', async (host) => {
    const answer = await rawRequest('/emulator/contacts', { headers: { host } });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text).__type).toBe('AccessDeniedException');
  });

  it('refuses a request with no Host header (node answers 400 before the emulator sees it)', async () => {
    expect((await rawRequest('/emulator/health', { setHost: false })).status).toBe(400);
    expect((await rawRequest('/emulator/health')).status).toBe(200);
  });

  it.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])('serves Host %s on any port', async (hostname) => {
    const answer = await rawRequest('/emulator/health', { headers: { host: `${hostname}:${emu.handle.port}` } });
    expect(answer.status).toBe(200);
  });

  it('refuses a websocket upgrade with a foreign Host', async () => {
    const customer = await emu.customer();
    const connection = await emu.participantClient().send(
      new (await import('@aws-sdk/client-connectparticipant')).CreateParticipantConnectionCommand({ ParticipantToken: customer.participantToken, Type: ['WEBSOCKET'] }),
    );
    const socket = new WebSocket(connection.Websocket?.Url ?? '', { headers: { host: 'evil.example' } });
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('error', () => resolve(-1));
    });
    expect(status).toBe(403);
  });
});

describe('control API content type', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('refuses a body sent as %s with 415', async (contentType) => {
    const started = await emu.startChat();
    const answer = await addAgent(started.ContactId, { 'content-type': contentType });
    expect(answer.status).toBe(415);
    expect(answer.body.message).toContain('application/json');
  });

  it('refuses a body with no Content-Type', async () => {
    const started = await emu.startChat();
    const answer = await rawRequest(`/emulator/contacts/${started.ContactId}/participants`, {
      method: 'POST',
      headers: { host: `127.0.0.1:${emu.handle.port}`, 'content-length': '16' },
      body: '{"role":"AGENT"}',
    });
    expect(answer.status).toBe(415);
  });

  it('takes application/json (with a charset) and body-less calls', async () => {
    const started = await emu.startChat();
    expect((await addAgent(started.ContactId, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
    expect((await rawJson(`${emu.url}/emulator/contacts/${started.ContactId}/end`, { method: 'POST' })).status).toBe(200);
  });
});

describe('static files', () => {
  it('serves files inside the folder, symlinks that stay inside included', async () => {
    expect((await rawJson(`${emu.url}/examples/`, {})).body).toContain('examples');
    expect((await rawJson(`${emu.url}/examples/alias.js`, {})).status).toBe(200);
  });

  it.each([
    ['a symlink out of examples/', '/examples/escape/config'],
    ['a dotfile', '/examples/.env'],
    ['a file in a dot folder', '/examples/.hidden/file.txt'],
    ['an encoded dotfile', '/examples/%2eenv'],
    ['a symlink into a dot folder', '/examples/visible/file.txt'],
    ['node_modules', '/examples/node_modules/pkg/index.js'],
    ['node_modules in another case', '/examples/NODE_MODULES/pkg/index.js'],
  ])('answers 404 for %s', async (_label, pathName) => {
    const answer = await rawJson(`${emu.url}${pathName}`, {});
    expect(answer.status).toBe(404);
    expect(String(answer.body)).not.toContain('secret');
  });

  it('sends nosniff with every answer', async () => {
    expect((await rawJson(`${emu.url}/examples/page.js`, {})).headers.get('x-content-type-options')).toBe('nosniff');
    expect((await rawJson(`${emu.url}/emulator/health`, {})).headers.get('x-content-type-options')).toBe('nosniff');
    expect((await rawJson(`${emu.url}/participant/message`, { method: 'POST' })).headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('binding beyond loopback', () => {
  it('warns, naming what becomes reachable, and hands out a URL that reaches it', async () => {
    const lines: string[] = [];
    const exposed = await startEmulator({ port: 0, host: '0.0.0.0', log: (line) => lines.push(line) });
    try {
      const warning = lines.join('\n');
      expect(warning).toContain('WARNING');
      expect(warning).toContain('0.0.0.0');
      expect(warning).toContain('/emulator/');
      expect(exposed.url).toBe(`http://127.0.0.1:${exposed.port}`);
      expect((await fetch(`${exposed.url}/emulator/health`)).status).toBe(200);
    } finally {
      await exposed.close();
    }
  });

  it('stays quiet on loopback', async () => {
    const lines: string[] = [];
    const quiet = await startEmulator({ port: 0, log: (line) => lines.push(line) });
    await quiet.close();
    expect(lines.join('\n')).not.toContain('WARNING');
  });
});

describe('--allow-origin', () => {
  it('is repeatable and normalizes each origin', () => {
    expect(parseArgs(['--allow-origin', 'https://A.example:443/', '--allow-origin=http://b.example:8080'])).toEqual({
      allowOrigins: ['https://a.example', 'http://b.example:8080'],
    });
  });

  it('rejects a value that is not an origin', () => {
    expect(() => parseArgs(['--allow-origin', 'evil'])).toThrow('--allow-origin');
  });
});
