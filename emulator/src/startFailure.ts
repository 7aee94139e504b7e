// What the CLI says when the emulator cannot start: the cause in words, and what to do next.

/** A listen error as Node reports it (`code`, and the address and port it tried). */
export interface ListenError extends Error {
  code?: string;
  port?: number;
  address?: string;
}

/** One message for a start failure; `port`/`host` are what was asked for, used when the error lacks them. */
export function startFailureMessage(error: ListenError, asked: { port?: number; host?: string }): string {
  const port = error.port ?? asked.port;
  const where = `${error.address ?? asked.host ?? '127.0.0.1'}:${port}`;
  const other = port === undefined || port === 0 ? 9101 : port === 65535 ? port - 1 : port + 1;
  switch (error.code) {
    case 'EADDRINUSE':
      return (
        `cannot start: port ${port} is already in use (${where}); is another emulator or \`npm start\` still running?\n` +
        `  Stop it, or pick another port: chatjs-emulator --port ${other}   (with npm start: PORT=${other} npm start)`
      );
    case 'EACCES':
      return `cannot start: not allowed to listen on ${where}; pick a port above 1023: chatjs-emulator --port ${other > 1023 ? other : 9100}`;
    case 'EADDRNOTAVAIL':
      return `cannot start: ${where} is not an address of this machine; use --host 127.0.0.1 (the default)`;
    default:
      return `cannot start: ${error.message}`;
  }
}
