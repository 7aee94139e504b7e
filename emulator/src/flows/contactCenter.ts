// The contact-center parts of one emulator, put together: the queues, the demo flow (bot: 'demo'), the
// chat timeouts. Transfers and monitoring act through the CCP's router (see transfers.ts, monitoring.ts).
import type { ChatService } from '../chat/chatService';
import type { Router } from '../ccp/router';
import type { Clock, Scheduler } from '../core/scheduler';
import { QueueDirectory } from '../queues/queueDirectory';
import type { Contact, Store } from '../store/store';
import { IdleTimers } from '../timeouts/idleTimers';
import type { BotKind } from '../types';
import type { ResolvedContactCenter } from './contactCenterOptions';
import { DemoFlow } from './demoFlow';
import { Monitoring } from './monitoring';
import type { CcpMonitoringDeps } from './ccpMonitoring';

export interface ContactCenterDeps {
  options: { bot: BotKind; botDelayMs: number; contactCenter: ResolvedContactCenter };
  chat: ChatService;
  scheduler: Scheduler;
  clock: Clock;
  store: Store;
  router: () => Router;
}

export interface ContactCenter {
  settings: ResolvedContactCenter;
  queues: QueueDirectory;
  idleTimers: IdleTimers;
  monitoring: Monitoring;
  /** What supervisor monitoring through the emulated CCP acts on. */
  ccpMonitoring: CcpMonitoringDeps;
  demoFlow?: DemoFlow;
  /** The router's question for each new contact: does a flow hold it (and queue it later)? */
  startsInFlow: (contact: Contact) => boolean;
  /** Registers the flow and the timers as chat listeners (after the router, so it sees a contact first). */
  attach(): void;
}

export function createContactCenter(deps: ContactCenterDeps): ContactCenter {
  const settings = deps.options.contactCenter;
  const queues = new QueueDirectory(settings.queues);
  const idleTimers = new IdleTimers(deps.chat, deps.scheduler, settings.timeouts);
  const demoFlow =
    deps.options.bot === 'demo'
      ? new DemoFlow({ chat: deps.chat, scheduler: deps.scheduler, clock: deps.clock, router: deps.router, settings, delayMs: deps.options.botDelayMs })
      : undefined;
  const monitoring = new Monitoring(deps.store, deps.chat);
  return {
    settings,
    queues,
    idleTimers,
    monitoring,
    ccpMonitoring: { router: deps.router, monitoring, store: deps.store, clock: deps.clock, queues },
    demoFlow,
    startsInFlow: () => demoFlow !== undefined,
    attach() {
      if (demoFlow) deps.chat.addListener(demoFlow);
      deps.chat.addListener(idleTimers);
      deps.chat.addListener({ contactForgotten: (contact) => monitoring.forget(contact) });
    },
  };
}
