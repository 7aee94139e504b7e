// The `chatjs-emulator` CLI: flags, the ready line, clean exit on SIGTERM/SIGINT.
import { ChildProcess, execFileSync, spawn } from 'child_process';
import { connect, createServer, type AddressInfo, type Server } from 'net';
import * as path from 'path';
import { parseArgs } from 'amazon-connect-chatjs-emulator/cli';
import { startEmulator } from 'amazon-connect-chatjs-emulator';
import { startFailureMessage } from '../../../emulator/src/startFailure';

jest.setTimeout(30_000);
const ROOT = path.join(__dirname, '../../..');
const READY_LINE = /^chatjs-emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/m;

describe('parseArgs', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseArgs(['--port', '0', '--host=0.0.0.0', '--bot', 'lex', '--latency-ms=25'])).toEqual({ port: 0, host: '0.0.0.0', bot: 'lex', latencyMs: 25 });
  });

  it.each([
    [['--port', 'abc'], '--port'],
    [['--bot', 'chatty'], '--bot'],
    [['--cert', 'a.pem'], '--cert and --key'],
    [['--verbose'], 'unknown argument'],
    [['--port'], 'needs a value'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('reads --max-connections as the connection cap', () => {
    expect(parseArgs(['--max-connections', '200'])).toEqual({ maxConnections: 200 });
    expect(parseArgs(['--max-connections=1'])).toEqual({ maxConnections: 1 });
  });

  it.each(['0', '-5', '2.5', 'abc', '1e3', '', '99999999999999999999'])('refuses --max-connections %j, naming the flag and the rule', (raw) => {
    expect(() => parseArgs(['--max-connections', raw])).toThrow(`--max-connections must be a positive integer (got ${JSON.stringify(raw)})`);
  });
});

describe('startFailureMessage', () => {
  const listenError = (code: string, port: number): Error => Object.assign(new Error(`listen ${code}`), { code, port, address: '127.0.0.1' });

  it('says which port is taken and how to pick another', () => {
    const message = startFailureMessage(listenError('EADDRINUSE', 9100), {});
    expect(message).toContain('port 9100 is already in use');
    expect(message).toContain('--port 9101');
    expect(message).toContain('PORT=9101 npm start');
  });

  it('explains a port it may not use and an address that is not this machine', () => {
    expect(startFailureMessage(listenError('EACCES', 80), {})).toContain('pick a port above 1023');
    expect(startFailureMessage(listenError('EADDRNOTAVAIL', 9100), { host: '10.9.9.9' })).toContain('--host 127.0.0.1');
    expect(startFailureMessage(new Error('boom'), { port: 1 })).toBe('cannot start: boom');
  });
});

describe('startEmulator on a taken port', () => {
  let blocker: Server;
  afterEach(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('rejects with EADDRINUSE and leaves no timer behind', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    await expect(startEmulator({ port, bot: 'echo' })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(timers()).toBe(before);
  });
});

describe('the binary', () => {
  let child: ChildProcess | undefined;

  beforeAll(() => {
    // emulator/bin/chatjs-emulator.js runs the built CLI: build the emulator when it is not up to date. (Not a
    // plain rebuild: `npm test` runs this beside e2e tests that start the same built CLI.)
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.js'), 'emulator'], { cwd: ROOT });
  });

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  function start(args: string[]): Promise<{ url: string; output: () => string }> {
    const proc = spawn(process.execPath, [path.join(ROOT, 'emulator/bin/chatjs-emulator.js'), ...args], { cwd: ROOT });
    child = proc;
    let stdout = '';
    return new Promise((resolve, reject) => {
      proc.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const ready = READY_LINE.exec(stdout);
        if (ready && stdout.includes('\nOpen ')) resolve({ url: ready[1], output: () => stdout });
      });
      proc.once('exit', (code) => reject(new Error(`exited with ${code} before ready: ${stdout}`)));
    });
  }

  it.each(['SIGTERM', 'SIGINT'] as const)('prints the ready line and the page to open, serves, and exits 0 on %s', async (signal) => {
    const { url, output } = await start(['--port', '0', '--bot', 'echo']);
    expect(output()).toContain(`Open ${url}/examples/`);
    const health = await fetch(`${url}/emulator/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child?.kill(signal);
    expect(await exited).toBe(0);
  });

  it('bound to every interface, warns on stderr what becomes reachable and prints a URL that works', async () => {
    const proc = spawn(process.execPath, [path.join(ROOT, 'emulator/bin/chatjs-emulator.js'), '--port', '0', '--host', '0.0.0.0'], { cwd: ROOT });
    child = proc;
    let stdout = '';
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const ready = READY_LINE.exec(stdout);
        if (ready) resolve(ready[1]);
      });
      proc.once('exit', (code) => reject(new Error(`exited with ${code} before ready: ${stdout}`)));
    });
    expect(stderr).toContain('WARNING: listening on 0.0.0.0');
    expect(stderr).toContain('control API');
    expect((await fetch(`${url}/emulator/health`)).status).toBe(200);
  });

  it('exits 1 at once when its port is taken, naming the port and how to pick another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const proc = spawn(process.execPath, [path.join(ROOT, 'emulator/bin/chatjs-emulator.js'), '--port', String(port), '--bot', 'echo'], { cwd: ROOT });
      child = proc;
      let stderr = '';
      proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // No timeout of our own: a process that keeps running fails the test by jest's timeout.
      const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} is already in use`);
      expect(stderr).toContain(`--port ${port + 1}`);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('--max-connections caps the running emulator: past it a request is answered 503 naming the flag', async () => {
    const { url } = await start(['--port', '0', '--max-connections', '1']);
    const { hostname, port } = new URL(url);
    const idle = connect(Number(port), hostname);
    idle.on('error', () => undefined);
    try {
      await new Promise((resolve) => idle.once('connect', resolve));
      const refused = await fetch(`${url}/emulator/health`);
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { message: string }).message).toContain('--max-connections');
    } finally {
      idle.destroy();
    }
  });

  it('exits 2 with the usage on a bad flag', async () => {
    const proc = spawn(process.execPath, [path.join(ROOT, 'emulator/bin/chatjs-emulator.js'), '--bot', 'chatty'], { cwd: ROOT });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('usage: chatjs-emulator');
  });

  it('exits 2 on a bad --max-connections, naming the flag, with a usage that lists it', async () => {
    const proc = spawn(process.execPath, [path.join(ROOT, 'emulator/bin/chatjs-emulator.js'), '--max-connections', '0'], { cwd: ROOT });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--max-connections must be a positive integer (got "0")');
    expect(stderr).toContain('[--max-connections N]');
  });
});
