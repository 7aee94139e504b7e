// Injected failures (POST /emulator/faults). One-shot kinds act at once (drop sockets, revoke tokens);
// the others stay active until their count or duration runs out, or DELETE /emulator/faults.
import { randomUUID } from 'crypto';
import { ServiceError, validationError } from './core/errors';
import { Scheduler } from './core/scheduler';
import { optionalString, type JsonObject } from './core/validation';

export const FAULT_KINDS = ['drop-sockets', 'stall-sockets', 'refuse', 'outage', 'http-error', 'latency', 'expire-connection-tokens'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Who a fault applies to; an unset field matches everyone. */
export interface FaultTarget {
  contactId?: string;
  participantId?: string;
}

interface Fault extends FaultTarget {
  id: string;
  kind: FaultKind;
  operation?: string;
  status?: number;
  errorType?: string;
  message?: string;
  remaining?: number;
  ms?: number;
}

/** What the one-shot and socket faults do to the rest of the emulator. */
export interface FaultEffects {
  dropSockets(target: FaultTarget): void;
  stallSockets(target: FaultTarget, durationMs: number): void;
  revokeConnectionTokens(target: FaultTarget): void;
}

const STATUS_BY_ERROR_TYPE: Record<string, number> = {
  AccessDeniedException: 403,
  ValidationException: 400,
  ThrottlingException: 429,
  InternalServerException: 500,
  ConflictException: 409,
  ResourceNotFoundException: 404,
  ServiceQuotaExceededException: 402,
};

const ERROR_TYPE_BY_STATUS: Record<number, string> = Object.fromEntries(
  Object.entries(STATUS_BY_ERROR_TYPE).map(([type, status]) => [status, type]),
);

export function targetMatches(fault: FaultTarget, target: FaultTarget): boolean {
  return (!fault.contactId || fault.contactId === target.contactId) && (!fault.participantId || fault.participantId === target.participantId);
}

export class Faults {
  private active: Fault[] = [];

  constructor(
    private readonly scheduler: Scheduler,
    private readonly effects: FaultEffects,
  ) {}

  /** Validates and applies one fault body; returns its id. */
  add(body: JsonObject): { id: string } {
    const fault = parseFault(body);
    const durationMs = optionalNumber(body, 'durationMs');
    switch (fault.kind) {
      case 'drop-sockets':
        this.effects.dropSockets(fault);
        return { id: fault.id };
      case 'expire-connection-tokens':
        this.effects.revokeConnectionTokens(fault);
        return { id: fault.id };
      case 'stall-sockets':
        this.effects.stallSockets(fault, requireDuration(durationMs));
        return { id: fault.id };
      case 'refuse':
        this.keep(fault, requireDuration(durationMs));
        return { id: fault.id };
      case 'outage':
        // Refusing first, so a client that reconnects the moment its socket drops is refused too.
        this.keep(fault, requireDuration(durationMs));
        this.effects.dropSockets(fault);
        return { id: fault.id };
      default:
        this.keep(fault, durationMs);
        return { id: fault.id };
    }
  }

  private keep(fault: Fault, durationMs: number | undefined): void {
    this.active.push(fault);
    if (durationMs !== undefined) this.scheduler.after(durationMs, () => this.remove(fault.id));
  }

  private remove(id: string): void {
    this.active = this.active.filter((fault) => fault.id !== id);
  }

  clear(): void {
    this.active = [];
  }

  /** Whether a refuse or outage fault covers `target` (websocket upgrades, /participant/* calls). */
  isRefusing(target: FaultTarget): boolean {
    return this.active.some((fault) => (fault.kind === 'refuse' || fault.kind === 'outage') && targetMatches(fault, target));
  }

  /**
   * Whether an outage covers `target`: beyond what refuse covers, attachment URLs and (for an outage
   * narrowed to nobody, as StartChatContact names no contact yet) StartChatContact.
   */
  isInOutage(target: FaultTarget): boolean {
    return this.active.some((fault) => fault.kind === 'outage' && targetMatches(fault, target));
  }

  /** Extra delay for an HTTP answer to `target`. */
  latencyFor(target: FaultTarget): number {
    return this.active.filter((fault) => fault.kind === 'latency' && targetMatches(fault, target)).reduce((sum, fault) => sum + (fault.ms ?? 0), 0);
  }

  /** The injected error for this call, if an http-error fault still has calls left (consumes one). */
  takeHttpError(operation: string, target: FaultTarget): ServiceError | undefined {
    const fault = this.active.find((candidate) => candidate.kind === 'http-error' && candidate.operation === operation && targetMatches(candidate, target));
    if (!fault) return undefined;
    fault.remaining = (fault.remaining ?? 1) - 1;
    if (fault.remaining <= 0) this.remove(fault.id);
    const errorType = fault.errorType ?? 'InternalServerException';
    return new ServiceError(fault.status ?? 500, errorType, fault.message ?? `Injected ${errorType}`);
  }
}

function parseFault(body: JsonObject): Fault {
  const kind = body.kind;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw validationError(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  const fault: Fault = { id: randomUUID(), kind: kind as FaultKind, contactId: optionalString(body, 'contactId'), participantId: optionalString(body, 'participantId') };
  if (kind === 'latency') fault.ms = requireNumber(body, 'ms');
  if (kind === 'http-error') Object.assign(fault, parseHttpError(body));
  return fault;
}

function parseHttpError(body: JsonObject): Partial<Fault> {
  const operation = optionalString(body, 'operation');
  if (!operation) throw validationError('operation is required for http-error');
  const errorType = optionalString(body, 'errorType');
  const status = optionalNumber(body, 'status') ?? (errorType ? STATUS_BY_ERROR_TYPE[errorType] : undefined) ?? 500;
  if (status < 400 || status > 599) throw validationError('status must be an HTTP error status (400..599)');
  const count = optionalNumber(body, 'count') ?? 1;
  if (count < 1) throw validationError('count must be at least 1');
  return { operation, status, errorType: errorType ?? ERROR_TYPE_BY_STATUS[status] ?? 'InternalServerException', remaining: count, message: optionalString(body, 'message') };
}

function optionalNumber(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw validationError(`${field} must be a non-negative number`);
  return value;
}

function requireNumber(body: JsonObject, field: string): number {
  const value = optionalNumber(body, field);
  if (value === undefined) throw validationError(`${field} is required`);
  return value;
}

function requireDuration(durationMs: number | undefined): number {
  if (durationMs === undefined) throw validationError('durationMs is required');
  return durationMs;
}
