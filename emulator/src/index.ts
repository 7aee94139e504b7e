// Public entry of the local Amazon Connect chat emulator: `startEmulator(options)`.
import type { AddressInfo } from 'net';
import { createContext, resolveOptions } from './context';
import { exposureWarning } from './exposure';
import { createServer } from './server';
import type { EmulatorHandle, EmulatorOptions } from './types';

export type { AttachmentItem, BotKind, ChatTimeouts, ContactCenterOptions, EmulatorHandle, EmulatorOptions, Item, MessageMetadata, ParticipantRole, Receipt } from './types';

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const resolved = resolveOptions(options);
  const ctx = createContext(resolved);
  const server = createServer(ctx, options.cert && options.key ? { cert: options.cert, key: options.key } : undefined);
  const sockets = new Set<import('net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err: unknown) => {
    // Nothing listens: release what the context started (timers, sockets) before reporting the failure.
    ctx.scheduler.clearAll();
    ctx.ccp.closeAll();
    await ctx.hub.closeAll();
    throw err;
  });
  server.on('error', (err) => resolved.log(`server error: ${err.message}`));
  const { address, port } = server.address() as AddressInfo;
  ctx.address.bound(address, port);
  const url = ctx.address.url('http');
  if (ctx.address.isExposed) resolved.log(exposureWarning(ctx.address, resolved.staticRoot));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      ctx.scheduler.clearAll();
      ctx.ccp.closeAll();
      await ctx.hub.closeAll();
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return closing;
  };
  return { url, port, close };
}
