import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeliveryMetrics } from '../ports/metrics.js';

/**
 * Delivery figures in Prometheus' text format, for /metrics. Counted in the process that owns the store: the
 * planner counts what it plans and what it finds too late, and every outcome (from any worker, on any machine)
 * is recorded there, so one scrape covers the whole deployment. Its own registry, not prom-client's global one,
 * so two bots in one test process never share counters.
 */
export class PromMetrics implements DeliveryMetrics {
  readonly registry = new Registry();
  private readonly plannedC: Counter;
  private readonly sentC: Counter;
  private readonly failedC: Counter<'permanent'>;
  private readonly lateC: Counter;
  private readonly lateness: Histogram;

  constructor(depth: () => Promise<number>) {
    const registers = [this.registry];
    this.plannedC = new Counter({
      name: 'interlude_nudges_planned_total',
      help: 'Nudges planned and handed to the queue.',
      registers,
    });
    this.sentC = new Counter({
      name: 'interlude_nudges_sent_total',
      help: 'Nudges the platform accepted.',
      registers,
    });
    this.failedC = new Counter({
      name: 'interlude_nudges_failed_total',
      help: 'Nudges given up: permanent="true" when the person cannot be reached, "false" after every retry.',
      labelNames: ['permanent'],
      registers,
    });
    this.lateC = new Counter({
      name: 'interlude_nudges_late_total',
      help: 'Nudges not sent because they would have arrived after the grace window or in quiet hours.',
      registers,
    });
    this.lateness = new Histogram({
      name: 'interlude_nudge_lateness_seconds',
      help: 'From the moment a nudge was due to the moment the platform accepted it.',
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200],
      registers,
    });
    new Gauge({
      name: 'interlude_queue_depth',
      help: 'Delivery jobs waiting, running or waiting to retry.',
      registers,
      async collect() {
        this.set(await depth());
      },
    });
    // Both label values exist from the start, so a dashboard shows 0 rather than nothing.
    this.failedC.inc({ permanent: 'true' }, 0);
    this.failedC.inc({ permanent: 'false' }, 0);
  }

  planned(n: number): void {
    if (n > 0) this.plannedC.inc(n);
  }

  sent(latenessMs: number): void {
    this.sentC.inc();
    this.lateness.observe(latenessMs / 1000);
  }

  failed(permanent: boolean): void {
    this.failedC.inc({ permanent: String(permanent) });
  }

  late(n: number): void {
    if (n > 0) this.lateC.inc(n);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
