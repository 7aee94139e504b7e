// Sends of a following tab go to the holding tab, so the chat has one outbox, one receipt throttle and one
// typing throttle whatever tab the customer types in. A call waits for its answer until the holder answers;
// when the holder changes, every unanswered call goes to the new one (a message keeps its ClientToken, so a
// message the old holder already sent is stored once), or runs here when this tab became the holder.
import { ChatServiceError, IllegalArgumentException, IllegalStateException } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import { uuidV4 } from '../../util/uuid.js';
import type { TabChannel } from './tabChannel.js';
import type { ForwardedError, ForwardedMethod, TabMessage } from './tabMessages.js';

/** Runs a call in this tab (the holder's own send path). */
export type ServeCall = (method: ForwardedMethod, input: unknown) => Promise<unknown>;

interface PendingCall {
  method: ForwardedMethod;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function toForwardedError(error: unknown): ForwardedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { type, statusCode } = error as { type?: unknown; statusCode?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
  };
}

/** The error the caller in the following tab sees: the same class and fields as in the holder. */
export function fromForwardedError(error: ForwardedError): Error {
  if (error.name === 'ChatServiceError') {
    return new ChatServiceError({ type: error.type ?? 'Error', message: error.message, statusCode: error.statusCode });
  }
  if (error.name === 'IllegalStateException') return new IllegalStateException(error.message);
  if (error.name === 'IllegalArgumentException') return new IllegalArgumentException(error.message);
  return new Error(error.message);
}

export class ForwardedCalls {
  private readonly pending = new Map<string, PendingCall>();
  /** Where calls go: another tab's id, `self` when this tab holds, null while nobody is known to. */
  private holder: string | 'self' | null = null;

  constructor(
    private readonly channel: TabChannel,
    private readonly serve: ServeCall,
    private readonly logger: Logger,
  ) {}

  /** A follower's call: resolves with what the holder's call resolved. */
  forward(method: ForwardedMethod, input: unknown): Promise<unknown> {
    if (this.holder === 'self') return this.serve(method, input);
    return new Promise((resolve, reject) => {
      const callId = uuidV4();
      this.pending.set(callId, { method, input, resolve, reject });
      this.send(callId);
    });
  }

  /** The holder changed (another tab's id, or `self`): unanswered calls go there. */
  holderIs(holder: string | 'self' | null): void {
    if (holder === this.holder) return;
    this.holder = holder;
    for (const callId of [...this.pending.keys()]) this.send(callId);
  }

  /** Holder: a follower's call arrived. */
  answerCall(message: Extract<TabMessage, { kind: 'call' }>): void {
    const reply = (answer: { data?: unknown; error?: ForwardedError }): void => {
      this.channel.post({ kind: 'answer', to: message.from, callId: message.callId, ...answer });
    };
    this.serve(message.method, message.input).then(
      (data) => reply({ data }),
      (error: unknown) => reply({ error: toForwardedError(error) }),
    );
  }

  /** Follower: the holder answered one of our calls. */
  answered(message: Extract<TabMessage, { kind: 'answer' }>): void {
    const call = this.pending.get(message.callId);
    if (!call) return;
    this.pending.delete(message.callId);
    if (message.error) call.reject(fromForwardedError(message.error));
    else call.resolve(message.data);
  }

  /** The link ended: unanswered calls fail. */
  stop(reason: Error): void {
    const calls = [...this.pending.values()];
    this.pending.clear();
    this.holder = null;
    calls.forEach((call) => call.reject(reason));
  }

  private send(callId: string): void {
    const call = this.pending.get(callId);
    if (!call || this.holder === null) return;
    if (this.holder !== 'self') {
      if (this.channel.post({ kind: 'call', to: this.holder, callId, method: call.method, input: call.input })) return;
      this.pending.delete(callId);
      call.reject(new IllegalArgumentException(`${call.method}: the arguments cannot be passed to the tab that holds the chat`));
      return;
    }
    this.pending.delete(callId);
    this.logger.info(`Running a ${call.method} call another tab handed over, now that this tab holds the websocket`);
    this.serve(call.method, call.input).then(call.resolve, call.reject);
  }
}
