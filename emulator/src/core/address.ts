// The address links handed to clients point at. Known once the server listens (port 0 picks one).

export class PublicAddress {
  private boundPort: number;

  constructor(
    private readonly tls: boolean,
    configuredPort: number,
  ) {
    this.boundPort = configuredPort;
  }

  /** Records the port actually bound. */
  bound(port: number): void {
    this.boundPort = port;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Base URL for links handed to clients; always 127.0.0.1 because chatjs only accepts `ws://127.0.0.1:`. */
  url(scheme: 'http' | 'ws'): string {
    return `${scheme}${this.tls ? 's' : ''}://127.0.0.1:${this.boundPort}`;
  }
}
