// The session's service calls when its chat may be open in other tabs: a following tab hands sendMessage
// and sendEvent to the holding tab (see forwardedCalls.ts), which runs them through its own send path (its
// outbox, receipt throttle and typing throttle), so each is made once for the chat. The guard still runs
// here first, so a call before connect() or after the chat ended fails the same way in every tab.
import type { ParticipantServiceResponse, SendMessageResult } from '../../types.js';
import { uuidV4 } from '../../util/uuid.js';
import type { CheckedSendEvent, CheckedSendMessage } from '../outgoing/requestArgs.js';
import { ServiceCalls, withCallerMetadata, type OutboxSetup, type SendEventOutcome, type ServiceCallContext } from '../outgoing/serviceCalls.js';
import type { ForwardedMethod } from './tabMessages.js';

type Response<D, M> = ParticipantServiceResponse<D, M>;

/** Where a call runs: the holder's answer, or null when this tab makes it. */
export interface CallRoute {
  forward(method: ForwardedMethod, input: unknown): Promise<unknown> | null;
}

/** The caller's metadata goes on the holder's answer (it never crosses the channel). */
function withMetadata<T>(answer: unknown, metadata: unknown): T {
  if (typeof answer === 'object' && answer !== null && 'metadata' in answer) return { ...answer, metadata: metadata ?? null } as T;
  return answer as T;
}

export class TabAwareCalls extends ServiceCalls {
  constructor(
    private readonly callContext: ServiceCallContext,
    outbox: OutboxSetup,
    private readonly route: CallRoute,
  ) {
    super(callContext, outbox);
  }

  override sendMessage<M>(input: CheckedSendMessage, metadata: M | undefined): Promise<Response<SendMessageResult, M>> {
    // The ClientToken is fixed here, so a call handed to a second holder is still stored once.
    const forwarded = this.forwarded<Response<SendMessageResult, M>>('sendMessage', { ...input, clientToken: input.clientToken ?? uuidV4() }, metadata);
    return forwarded ?? super.sendMessage(input, metadata);
  }

  override resendFailedMessage<M>(id: string, metadata: M | undefined): Promise<Response<SendMessageResult, M>> {
    // A failed message of this tab's own outbox is sent from here; one of the holder's list, by the holder.
    const own = this.outbox.list().some((message) => message.id === id && message.state === 'failed');
    return (own ? null : this.forwarded<Response<SendMessageResult, M>>('resendFailedMessage', { id }, metadata)) ?? super.resendFailedMessage(id, metadata);
  }

  override sendEvent<M>(input: CheckedSendEvent, metadata: M | undefined): Promise<SendEventOutcome<M>> {
    return this.forwarded<SendEventOutcome<M>>('sendEvent', input, metadata) ?? super.sendEvent(input, metadata);
  }

  /** Holder: runs a call another tab handed over, through this tab's own send path. */
  serve(method: ForwardedMethod, input: unknown): Promise<unknown> {
    if (method === 'sendMessage') return super.sendMessage(input as CheckedSendMessage, undefined);
    if (method === 'sendEvent') return super.sendEvent(input as CheckedSendEvent, undefined);
    const { id } = input as { id: string };
    return method === 'resendFailedMessage' ? super.resendFailedMessage(id, undefined) : Promise.resolve(this.outbox.discard(id));
  }

  private forwarded<T>(method: ForwardedMethod, input: CheckedSendMessage | CheckedSendEvent | { id: string }, metadata: unknown): Promise<T> | null {
    try {
      this.callContext.gate.tokenFor(method);
    } catch (error) {
      return Promise.reject(error);
    }
    // The caller's metadata stays in this tab (it may hold anything); the holder's answer gets it back below.
    const { metadata: _callerMetadata, ...args } = input as { metadata?: unknown };
    const answer = this.route.forward(method, args);
    if (answer === null) return null;
    return answer.then(
      (data) => withMetadata<T>(data, metadata),
      (error: unknown) => {
        throw withCallerMetadata(error, metadata);
      },
    );
  }
}
