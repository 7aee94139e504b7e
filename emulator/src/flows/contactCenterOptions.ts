// Resolves the contactCenter option: checked values and the demo defaults (`bot: 'demo'` gets short
// timeouts and queue updates so a demo shows them within a minute or two).
import { checkQueueNames } from '../queues/queueDirectory';
import type { BotKind, ChatTimeouts, ContactCenterOptions } from '../types';

export interface ResolvedContactCenter {
  queues: string[];
  noAgent: 'wait' | 'end';
  maxQueueWaitMs?: number;
  queueUpdateIntervalMs: number;
  timeouts: ChatTimeouts;
}

export const DEMO_DEFAULTS = {
  queueUpdateIntervalMs: 10_000,
  timeouts: { customerIdleMs: 60_000, customerDisconnectMs: 60_000, agentIdleMs: 120_000 } satisfies ChatTimeouts,
};

const TIMEOUT_FIELDS = ['customerIdleMs', 'customerDisconnectMs', 'agentIdleMs', 'agentDisconnectMs'] as const;

function duration(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`contactCenter.${name} must be a positive number of milliseconds, got ${value}`);
  return value;
}

export function checkTimeouts(timeouts: ChatTimeouts, prefix = 'contactCenter.timeouts'): ChatTimeouts {
  const checked: ChatTimeouts = {};
  TIMEOUT_FIELDS.forEach((field) => {
    const value = duration(`${prefix.replace(/^contactCenter\./, '')}.${field}`, timeouts[field]);
    if (value !== undefined) checked[field] = value;
  });
  return checked;
}

export function resolveContactCenter(options: ContactCenterOptions | undefined, bot: BotKind): ResolvedContactCenter {
  const demo = bot === 'demo';
  const noAgent = options?.noAgent ?? 'wait';
  if (noAgent !== 'wait' && noAgent !== 'end') throw new RangeError(`contactCenter.noAgent must be "wait" or "end", got ${String(noAgent)}`);
  const interval = options?.queueUpdateIntervalMs ?? (demo ? DEMO_DEFAULTS.queueUpdateIntervalMs : 0);
  if (!Number.isFinite(interval) || interval < 0) throw new RangeError(`contactCenter.queueUpdateIntervalMs must be 0 or more, got ${interval}`);
  return {
    queues: checkQueueNames(options?.queues),
    noAgent,
    maxQueueWaitMs: duration('maxQueueWaitMs', options?.maxQueueWaitMs),
    queueUpdateIntervalMs: interval,
    timeouts: checkTimeouts(options?.timeouts ?? (demo ? DEMO_DEFAULTS.timeouts : {})),
  };
}
