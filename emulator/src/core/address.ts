// Where the emulator listens and the address links handed to clients point at. Known once the server
// listens (port 0 picks one). Links never copy the request's Host header: they name the bound address.
import { isIP } from 'net';

/** Hostnames that always mean this machine. */
export function isLoopbackName(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

export function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '';
}

export class PublicAddress {
  private boundPort: number;
  private boundAddress: string;

  constructor(
    private readonly tls: boolean,
    configuredHost: string,
    configuredPort: number,
  ) {
    this.boundAddress = configuredHost;
    this.boundPort = configuredPort;
  }

  /** Records the address and port actually bound. */
  bound(address: string, port: number): void {
    this.boundAddress = address;
    this.boundPort = port;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The address the server is bound to (`0.0.0.0` / `::` for every interface). */
  get address(): string {
    return this.boundAddress;
  }

  /** True when something other than this machine can reach the server. */
  get isExposed(): boolean {
    return !isLoopbackName(this.boundAddress);
  }

  /**
   * Base URL for links handed to clients: 127.0.0.1 when it reaches the server (chatjs accepts
   * `ws://127.0.0.1:`), else the one address bound.
   */
  url(scheme: 'http' | 'ws'): string {
    return `${scheme}${this.tls ? 's' : ''}://${this.linkHost()}:${this.boundPort}`;
  }

  private linkHost(): string {
    if (isWildcardAddress(this.boundAddress) || isLoopbackName(this.boundAddress) || isIP(this.boundAddress) === 0) {
      return this.boundAddress === '::1' ? '[::1]' : '127.0.0.1';
    }
    return isIP(this.boundAddress) === 6 ? `[${this.boundAddress}]` : this.boundAddress;
  }
}
