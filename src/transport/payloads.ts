// Builders of the event payloads the manager emits, kept apart from the state machine so their field
// lists (upstream's names, §1.1) can be read in one place.
import type { Link } from './link.js';
import type { ConnectionLostInfo, ConnectionOpenInfo, DisconnectReason, InitFailureInfo } from './types.js';

export type CloseDetails = { code: number | undefined; reason: string; wasClean: boolean };

export function openInfo(link: Link, retries: number, startedAt: number | null, noOpenSince: number | null): ConnectionOpenInfo {
  const now = Date.now();
  const started = startedAt ?? link.createdAt;
  return {
    connectWebSocketRetryCount: retries,
    connectionAttemptStartTime: started,
    noOpenConnectionsTimestamp: noOpenSince,
    connectionEstablishedTime: now,
    timeToConnect: now - started,
    timeWithoutConnection: noOpenSince === null ? null : now - noOpenSince,
  };
}

export function lostInfo(link: Link, reason: DisconnectReason, close: CloseDetails | null, error?: Error): ConnectionLostInfo {
  const closeTimestamp = Date.now();
  const openTimestamp = link.openedAt;
  const info: ConnectionLostInfo = {
    openTimestamp,
    closeTimestamp,
    connectionDuration: openTimestamp === null ? null : closeTimestamp - openTimestamp,
    code: close?.code ?? 1000,
    reason: close?.reason || reason,
    disconnectReason: reason,
  };
  if (error) info.error = error;
  return info;
}

export function failureInfo(retries: number, startedAt: number | null, reason: DisconnectReason, message: string, error?: Error): InitFailureInfo {
  const info: InitFailureInfo = { connectWebSocketRetryCount: retries, connectionAttemptStartTime: startedAt, reason: message, disconnectReason: reason };
  if (error) info.error = error;
  return info;
}
