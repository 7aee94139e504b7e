// Bad input of every kind gets the service's error answer or is ignored; the emulator keeps serving.
import { request } from 'http';
import { connect as connectTcp } from 'net';
import * as path from 'path';
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { startEmulator } from 'amazon-connect-chatjs-emulator';
import { rawJson, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ staticRoot: path.join(__dirname, '../../..') });
});
afterAll(async () => {
  await emu.close();
});

/** The emulator still runs a normal exchange. */
async function stillServes(): Promise<void> {
  const customer = await emu.customer();
  const sent = await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'alive' }));
  await customer.socket.waitForItem((item) => item.Id === sent.Id);
}

function post(pathName: string, body: string, headers: Record<string, string> = {}) {
  return rawJson(`${emu.url}${pathName}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('HTTP', () => {
  it.each([
    ['malformed JSON', '{"ContentType":'],
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"text"'],
  ])('answers %s with 400 SerializationException', async (_label, body) => {
    const customer = await emu.customer();
    const answer = await post('/participant/message', body, { 'x-amz-bearer': customer.connectionToken });
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('SerializationException');
  });

  it.each([
    ['GET', '/participant/message'],
    ['POST', '/participant/nothing'],
    ['DELETE', '/contact/chat'],
    ['POST', '/nowhere'],
  ])('answers %s %s with 404 UnknownOperationException JSON', async (method, pathName) => {
    const answer = await rawJson(`${emu.url}${pathName}`, { method, headers: { 'x-amz-bearer': 'x' } });
    expect(answer.status).toBe(404);
    expect(answer.body.__type).toBe('UnknownOperationException');
    expect(answer.headers.get('x-amzn-requestid')).toEqual(expect.any(String));
  });

  it('answers an oversized JSON body with 413', async () => {
    const answer = await post('/participant/message', JSON.stringify({ Content: 'x'.repeat(2 * 1024 * 1024) }), { 'x-amz-bearer': 'x' });
    expect(answer.status).toBe(413);
    await stillServes();
  });

  it('survives a client that disconnects in the middle of a request', async () => {
    await new Promise<void>((resolve) => {
      const socket = connectTcp(emu.handle.port, '127.0.0.1', () => {
        socket.write('POST /participant/message HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"Cont');
        socket.destroy();
        resolve();
      });
    });
    await new Promise<void>((resolve) => {
      const socket = connectTcp(emu.handle.port, '127.0.0.1', () => {
        socket.end('THIS IS NOT HTTP\r\n\r\n');
      });
      socket.on('data', () => undefined);
      socket.on('close', () => resolve());
    });
    await stillServes();
  });

  it('ignores SigV4 headers entirely', async () => {
    const customer = await emu.customer();
    const answer = await post('/participant/message', '{"ContentType":"text/plain","Content":"signed"}', {
      'x-amz-bearer': customer.connectionToken,
      authorization: 'AWS4-HMAC-SHA256 Credential=garbage, SignedHeaders=host, Signature=nope',
      'x-amz-date': 'not-a-date',
    });
    expect(answer.status).toBe(200);
  });
});

describe('static files', () => {
  it('redirects / to /examples/ and serves the example page as HTML', async () => {
    const root = await fetch(`${emu.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/examples/');
    const page = await fetch(`${emu.url}/examples/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('customer-chat.html');
    const widget = await fetch(`${emu.url}/examples/customer-chat.html`);
    expect(widget.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await widget.text()).toContain('/dist/amazon-connect-chat.js');
  });

  it.each(['/examples/../package.json', '/examples/%2e%2e/package.json', '/dist/..%2f..%2fetc/passwd', '/examples/%00'])('refuses to leave the served folders: %s', async (pathName) => {
    const status = await new Promise<number>((resolve, reject) => {
      // Raw request so the client does not normalise the dots away.
      const req = request({ host: '127.0.0.1', port: emu.handle.port, path: pathName, method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });
});

describe('websocket', () => {
  it('ignores garbage frames and keeps answering heartbeats', async () => {
    const customer = await emu.customer();
    ['not json', '{"topic":', '[]', 'null', '{"content":{}}', '{"topic":42}', '{"topic":"aws/unknown"}'].forEach((frame) => customer.socket.send(frame));
    customer.socket.ws.send(Buffer.from([0, 1, 2, 3]), { binary: true });
    customer.socket.send({ topic: 'aws/heartbeat' });
    expect(await customer.socket.waitFor((frame) => frame.topic === 'aws/heartbeat')).toEqual({ topic: 'aws/heartbeat' });
  });

  it('closes a socket that sends an oversized frame, and keeps serving others', async () => {
    const customer = await emu.customer();
    customer.socket.send('x'.repeat(200 * 1024));
    expect((await customer.socket.closed).code).toBe(1009);
    await stillServes();
  });

  it('survives sockets that vanish abruptly', async () => {
    const customer = await emu.customer();
    customer.socket.ws.terminate();
    await customer.socket.closed;
    await emu.control('POST', `/emulator/contacts/${customer.contactId}/messages`, { content: 'to nobody' });
    await stillServes();
  });
});

describe('close()', () => {
  it('closes open sockets and can be called twice', async () => {
    const own = new TestEmulator(await startEmulator({ port: 0, bot: 'echo', botDelayMs: 50 }));
    const customer = await own.customer();
    await own.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'pending bot answer' }));
    await Promise.all([own.handle.close(), own.handle.close()]);
    expect((await customer.socket.closed).code).toBe(1006);
    await own.close();
  });
});
