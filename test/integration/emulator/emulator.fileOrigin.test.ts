// A page opened as a file sends `Origin: null`. The emulator still refuses it, but in words the page can read
// (its preflight passes and the 403 carries CORS for `null`) and on its own console, once; nothing is done.
import { rawJson, startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';

let emu: TestEmulator;
const logged: string[] = [];

beforeAll(async () => {
  emu = await startTestEmulator({ log: (line) => logged.push(line) });
});
afterAll(() => emu.close());

const START = { method: 'PUT', body: JSON.stringify({ InstanceId: 'local', ContactFlowId: 'local', ParticipantDetails: { DisplayName: 'File' } }) };

describe('Origin: null (a page opened from file://)', () => {
  it('passes the preflight, so the browser sends the request and shows the answer', async () => {
    const preflight = await rawJson(`${emu.url}/contact/chat`, {
      method: 'OPTIONS',
      headers: { origin: 'null', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('null');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('refuses StartChatContact with a 403 the page can read, saying to serve the page from localhost', async () => {
    const contactsBefore = (await rawJson(`${emu.url}/emulator/contacts`, {})).body;
    const answer = await rawJson(`${emu.url}/contact/chat`, { ...START, headers: { origin: 'null', 'content-type': 'application/json' } });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBe('null');
    expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(answer.body.message).toContain('file://');
    expect(answer.body.message).toContain(`${emu.url}/examples/`);
    expect(answer.body.message).toContain('--allow-origin null');
    // Refused before anything ran: no contact was started.
    expect((await rawJson(`${emu.url}/emulator/contacts`, {})).body).toEqual(contactsBefore);
  });

  it('says it on the emulator console once, however many requests come', async () => {
    await rawJson(`${emu.url}/emulator/health`, { headers: { origin: 'null' } });
    await rawJson(`${emu.url}/emulator/health`, { headers: { origin: 'null' } });
    const hints = logged.filter((line) => line.includes('Origin: null'));
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain('Serve the page from localhost');
  });

  it('serves such pages normally when started with allowOrigins: ["null"]', async () => {
    const permissive = await startTestEmulator({ allowOrigins: ['null'] });
    try {
      const answer = await rawJson(`${permissive.url}/contact/chat`, { ...START, headers: { origin: 'null', 'content-type': 'application/json' } });
      expect(answer.status).toBe(200);
      expect(typeof answer.body.ParticipantToken).toBe('string');
    } finally {
      await permissive.close();
    }
  });
});
