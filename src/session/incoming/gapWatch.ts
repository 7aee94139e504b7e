// Silent gaps: items a socket that stayed open never delivered. While the link is up, the gap watch turns
// evidence (gapSignals.ts) into the reconnect path's recovery (GetTranscript from the last item delivered,
// each missed item once, in order) without touching the socket, at most once per MIN_RECOVERY_SPACING_MS
// however many signals fire, plus a low-rate safety net for the gaps nothing reveals.
import type { Logger } from '../../log/logger.js';
import { TimerGroup } from '../../timing/timers.js';
import type { ChatTranscriptItem } from '../../types.js';
import type { DeliveryLog } from './deliveryLog.js';
import { EchoWatch } from './echoWatch.js';
import { MIN_RECOVERY_SPACING_MS, nextQuietSpacing, SAFETY_NET, type GapSignal } from './gapSignals.js';
import { PageSignals, type PageEventSources } from './pageSignals.js';

/** `off` while the link is not up; `recovering` holds the signal that came meanwhile (one more run after). */
type WatchState = { name: 'off' } | { name: 'watching' } | { name: 'recovering'; again: GapSignal | null };

export interface GapWatchOptions {
  /** The reconnect path's recovery; resolves how many missed items it delivered. */
  recover: () => Promise<number>;
  log: DeliveryLog;
  logger: Logger;
  pageSources: PageEventSources;
}

export class GapWatch {
  private state: WatchState = { name: 'off' };
  /** 'echo' (next echo due), 'pace' (a signal waiting for its turn), 'net' (the safety net). */
  private readonly timers = new TimerGroup();
  private readonly echoes = new EchoWatch();
  private readonly page: PageSignals;
  private lastStartAt = Number.NEGATIVE_INFINITY;
  /** When the last check (any recovery) ended. */
  private lastCheckAt = 0;
  /** The safety net's spacing while nothing happens, and the spacing the armed net timer was set with. */
  private quietSpacingMs: number = SAFETY_NET.quietStartMs;
  private armedSpacingMs = 0;
  /** An item arrived or a message was sent since the last check. */
  private activity = false;

  constructor(private readonly options: GapWatchOptions) {
    this.page = new PageSignals(options.pageSources, (signal) => this.suspect(signal));
  }

  /** The link is up (a recovery of the reconnect path, if any, counts as the first check). */
  start(): void {
    if (this.state.name !== 'off') return;
    this.state = { name: 'watching' };
    this.lastCheckAt = Date.now();
    this.quietSpacingMs = SAFETY_NET.quietStartMs;
    this.activity = false;
    this.page.start();
    this.armNet();
  }

  /** The link is down or gone: every timer and listener of the watch ends here. */
  stop(): void {
    this.state = { name: 'off' };
    this.timers.clearAll();
    this.echoes.clear();
    this.page.stop();
  }

  /** SendMessage answered: the item's echo should come over the socket soon. */
  sent(itemId: string): void {
    if (this.state.name === 'off' || this.options.log.hasId(itemId)) return;
    this.noteActivity();
    this.echoes.expect(itemId, Date.now());
    if (!this.timers.has('echo')) this.armEcho();
  }

  /** A live item, before it is admitted: an older one than already delivered means something came late. */
  arrived(item: ChatTranscriptItem): void {
    if (this.state.name === 'off') return;
    this.noteActivity();
    const { log } = this.options;
    if (!log.has(item) && log.isOlderThanDelivered(item)) this.suspect('out-of-order');
  }

  /** Evidence of a gap: recover now, or at the next turn (one run however many signals come). */
  suspect(signal: GapSignal): void {
    const { state } = this;
    if (state.name === 'off') return;
    if (state.name === 'recovering') {
      state.again ??= signal;
      return;
    }
    if (this.timers.has('pace')) return;
    const wait = this.lastStartAt + MIN_RECOVERY_SPACING_MS - Date.now();
    if (wait <= 0) {
      this.begin(signal);
      return;
    }
    // The first signal of the wait names the run; later ones join it.
    this.timers.set('pace', wait, () => this.suspect(signal));
  }

  private begin(signal: GapSignal): void {
    this.state = { name: 'recovering', again: null };
    this.lastStartAt = Date.now();
    this.timers.clear('net');
    this.activity = false;
    this.options.recover().then(
      (found) => this.finish(signal, found),
      () => this.finish(signal, 0),
    );
  }

  private finish(signal: GapSignal, found: number): void {
    const { state } = this;
    if (state.name !== 'recovering') return; // stopped meanwhile
    this.state = { name: 'watching' };
    this.lastCheckAt = Date.now();
    if (found > 0) this.options.logger.info(`Recovered ${found} items the open socket never delivered (${signal})`);
    // A quiet chat's net backs off; any other check (evidence) starts the ladder again.
    this.quietSpacingMs = signal === 'safety-net' ? nextQuietSpacing(this.armedSpacingMs) : SAFETY_NET.quietStartMs;
    const next = state.again ?? (found > 0 ? 'follow-up' : null);
    if (next) this.suspect(next);
    this.armNet();
  }

  private noteActivity(): void {
    if (this.activity) return;
    this.activity = true;
    // A quiet chat's net may be far off; activity brings it back to the short spacing.
    if (this.state.name === 'watching') this.armNet();
  }

  /** The safety net: the next check without evidence, `nextNetSpacing` after the last check. */
  private armNet(): void {
    const spacing = this.activity ? SAFETY_NET.afterActivityMs : this.quietSpacingMs;
    this.armedSpacingMs = spacing;
    const wait = Math.max(0, this.lastCheckAt + spacing - Date.now());
    this.timers.set('net', wait, () => this.suspect('safety-net'), { background: true });
  }

  private armEcho(): void {
    const due = this.echoes.nextDue();
    if (due === null) return;
    this.timers.set('echo', Math.max(0, due - Date.now()), () => {
      const missing = this.echoes.takeOverdue(Date.now(), (itemId) => this.options.log.hasId(itemId));
      if (missing.length > 0) this.suspect('echo-missing');
      this.armEcho();
    });
  }
}
