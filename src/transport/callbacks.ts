// The on* registration half of a manager instance: validation, unsubscribe functions and upstream's
// replays (gain when already usable, initFailure when already stopped). The state machine extends it.
import { ValueError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { Unsubscribe } from '../types.js';
import { ManagerEvents } from './events.js';
import { callSafely } from './listeners.js';
import type {
  ConnectionCloseInfo,
  ConnectionLostInfo,
  ConnectionOpenInfo,
  DeepHeartbeatFailureInfo,
  DeepHeartbeatSuccessInfo,
  FrameCallback,
  HeartbeatLateInfo,
  InitFailureInfo,
  StateChangeInfo,
  TopicFailureInfo,
} from './types.js';

export abstract class ManagerCallbacks {
  protected readonly events: ManagerEvents;

  protected constructor(protected readonly log: Logger) {
    this.events = new ManagerEvents(log);
  }

  /** True while the link is usable (gain replays then). */
  protected abstract isUsable(): boolean;
  /** The failure when the manager stopped for good (initFailure replays then). */
  protected abstract stoppedWith(): InitFailureInfo | null;

  /** Frames of one topic (after the all-message callbacks). `content` is passed as received. */
  onMessage(topic: string, cb: FrameCallback): Unsubscribe {
    if (typeof topic !== 'string') throw new ValueError('topic must be a string');
    return this.events.onTopic(topic, cb);
  }
  onAllMessage(cb: FrameCallback): Unsubscribe {
    return this.events.allMessage.add(cb);
  }
  /** The link became usable; also fires at registration when it already is. */
  onConnectionGain(cb: () => void): Unsubscribe {
    const unsubscribe = this.events.gain.add(cb);
    if (this.isUsable()) callSafely(cb, [], 'connectionGain', this.log);
    return unsubscribe;
  }
  /** The usable link went down (once per loss; never for closeWebSocket/terminate). */
  onConnectionLost(cb: (info: ConnectionLostInfo) => void): Unsubscribe {
    return this.events.lost.add(cb);
  }
  /** A socket opened (rotation sockets included). */
  onConnectionOpen(cb: (info: ConnectionOpenInfo) => void): Unsubscribe {
    return this.events.open.add(cb);
  }
  /** A socket that had opened closed (or was closed by the manager). */
  onConnectionClose(cb: (info: ConnectionCloseInfo) => void): Unsubscribe {
    return this.events.close.add(cb);
  }
  /** The manager stopped for good; also fires at registration when it already has. */
  onInitFailure(cb: (info: InitFailureInfo) => void): Unsubscribe {
    const unsubscribe = this.events.initFailure.add(cb);
    const failure = this.stoppedWith();
    if (failure) callSafely(cb, [failure], 'initFailure', this.log);
    return unsubscribe;
  }
  onSubscriptionUpdate(cb: FrameCallback): Unsubscribe {
    return this.events.subscriptionUpdate.add(cb);
  }
  onSubscriptionFailure(cb: FrameCallback): Unsubscribe {
    return this.events.subscriptionFailure.add(cb);
  }
  onDeepHeartbeatSuccess(cb: (info: DeepHeartbeatSuccessInfo) => void): Unsubscribe {
    return this.events.deepHeartbeatSuccess.add(cb);
  }
  onDeepHeartbeatFailure(cb: (info: DeepHeartbeatFailureInfo) => void): Unsubscribe {
    return this.events.deepHeartbeatFailure.add(cb);
  }
  /** A heartbeat reply came late (after `heartbeatLateMs`) but in time to keep the link (this SDK's addition). */
  onHeartbeatLate(cb: (info: HeartbeatLateInfo) => void): Unsubscribe {
    return this.events.heartbeatLate.add(cb);
  }
  /** A frame without topic but with `message` (gateway Forbidden / timeout). */
  onTopicFailure(cb: (info: TopicFailureInfo) => void): Unsubscribe {
    return this.events.topicFailure.add(cb);
  }
  /** Every state transition, with its reason code (this SDK's addition). */
  onStateChange(cb: (info: StateChangeInfo) => void): Unsubscribe {
    return this.events.stateChange.add(cb);
  }
}
