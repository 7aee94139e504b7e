// The emulated instance's queues: names the emulator was started with, each with a stable id (and ARN).
// The first queue is the default: where StartChatContact and the demo flow's handover put contacts.

export const DEFAULT_QUEUE_NAME = 'BasicQueue';
/** BasicQueue's id, as it always had. */
export const BASIC_QUEUE_ID = '00000000-0000-4000-8000-0000000000b1';
/** Queues an emulator keeps at most. */
export const MAX_QUEUES = 20;

export interface QueueInfo {
  name: string;
  queueId: string;
}

export class QueueDirectory {
  private readonly byNameMap = new Map<string, QueueInfo>();

  constructor(names: readonly string[]) {
    names.forEach((name, index) => {
      const queueId = name === DEFAULT_QUEUE_NAME ? BASIC_QUEUE_ID : `00000000-0000-4000-8000-${(0xc00 + index).toString(16).padStart(12, '0')}`;
      this.byNameMap.set(name, { name, queueId });
    });
  }

  get defaultQueue(): QueueInfo {
    return this.all()[0];
  }

  all(): QueueInfo[] {
    return [...this.byNameMap.values()];
  }

  find(name: string): QueueInfo | undefined {
    return this.byNameMap.get(name);
  }

  byId(queueId: string): QueueInfo | undefined {
    return this.all().find((queue) => queue.queueId === queueId);
  }
}

/** Checks the `queues` option: 1..MAX_QUEUES distinct names of 1..127 characters. */
export function checkQueueNames(names: readonly string[] | undefined): string[] {
  const list = names ?? [DEFAULT_QUEUE_NAME];
  if (list.length < 1 || list.length > MAX_QUEUES) throw new RangeError(`contactCenter.queues must name 1 to ${MAX_QUEUES} queues`);
  list.forEach((name) => {
    if (typeof name !== 'string' || name.length < 1 || name.length > 127) throw new RangeError('contactCenter.queues: each name must be 1 to 127 characters');
  });
  if (new Set(list).size !== list.length) throw new RangeError('contactCenter.queues: names must be distinct');
  return [...list];
}
