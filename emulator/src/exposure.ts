// The warning printed when the emulator listens on more than loopback: it is a development tool whose
// control API lets anyone who reaches it act as any participant.
import { networkInterfaces } from 'os';
import * as path from 'path';
import { isWildcardAddress, PublicAddress } from './core/address';

export function exposureWarning(address: PublicAddress, staticRoot: string): string {
  const scheme = address.url('http').split(':')[0];
  const hosts = isWildcardAddress(address.address) ? externalAddresses() : [address.address];
  const urls = hosts.map((host) => `${scheme}://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
  return [
    `WARNING: listening on ${address.address}, not only on this machine's loopback. Anyone who can reach`,
    `${urls.join(', ') || `port ${address.port}`} can use the chat API, the control API under /emulator/ (join any chat as`,
    `any participant, read every transcript, inject faults) and the files under ${path.join(staticRoot, 'dist')} and`,
    `${path.join(staticRoot, 'examples')}. The emulator is a development tool with no authentication; bind it to a`,
    'network you trust, or use the default --host 127.0.0.1.',
  ].join('\n');
}

function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal)
    .map((entry) => entry.address);
}
