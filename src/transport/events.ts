// Every callback list of a manager instance in one place, so the state machine only says "emit".
import type { Logger } from '../log/logger.js';
import type { Unsubscribe, WebSocketFrame } from '../types.js';
import { Listeners } from './listeners.js';
import type {
  ConnectionCloseInfo,
  ConnectionLostInfo,
  ConnectionOpenInfo,
  DeepHeartbeatFailureInfo,
  DeepHeartbeatSuccessInfo,
  HeartbeatLateInfo,
  InitFailureInfo,
  StateChangeInfo,
  TopicFailureInfo,
} from './types.js';

export class ManagerEvents {
  readonly allMessage: Listeners<[WebSocketFrame]>;
  readonly gain: Listeners<[]>;
  readonly lost: Listeners<[ConnectionLostInfo]>;
  readonly open: Listeners<[ConnectionOpenInfo]>;
  readonly close: Listeners<[ConnectionCloseInfo]>;
  readonly initFailure: Listeners<[InitFailureInfo]>;
  readonly subscriptionUpdate: Listeners<[WebSocketFrame]>;
  readonly subscriptionFailure: Listeners<[WebSocketFrame]>;
  readonly deepHeartbeatSuccess: Listeners<[DeepHeartbeatSuccessInfo]>;
  readonly deepHeartbeatFailure: Listeners<[DeepHeartbeatFailureInfo]>;
  readonly heartbeatLate: Listeners<[HeartbeatLateInfo]>;
  readonly topicFailure: Listeners<[TopicFailureInfo]>;
  readonly stateChange: Listeners<[StateChangeInfo]>;
  private readonly byTopic = new Map<string, Listeners<[WebSocketFrame]>>();

  constructor(private readonly logger: Logger) {
    const make = <A extends unknown[]>(name: string): Listeners<A> => new Listeners<A>(name, logger);
    this.allMessage = make('allMessage');
    this.gain = make('connectionGain');
    this.lost = make('connectionLost');
    this.open = make('connectionOpen');
    this.close = make('connectionClose');
    this.initFailure = make('initFailure');
    this.subscriptionUpdate = make('subscriptionUpdate');
    this.subscriptionFailure = make('subscriptionFailure');
    this.deepHeartbeatSuccess = make('deepHeartbeatSuccess');
    this.deepHeartbeatFailure = make('deepHeartbeatFailure');
    this.heartbeatLate = make('heartbeatLate');
    this.topicFailure = make('topicFailure');
    this.stateChange = make('stateChange');
  }

  onTopic(topic: string, cb: unknown): Unsubscribe {
    let list = this.byTopic.get(topic);
    if (!list) {
      list = new Listeners<[WebSocketFrame]>(`message(${topic})`, this.logger);
      this.byTopic.set(topic, list);
    }
    return list.add(cb);
  }

  /** A data frame: all-message callbacks first, then the frame's topic callbacks (as upstream). */
  deliver(frame: WebSocketFrame): void {
    this.allMessage.emit(frame);
    if (typeof frame.topic === 'string') this.byTopic.get(frame.topic)?.emit(frame);
  }
}
