import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isDelivered } from '../domain/delivery';
import {
  DeliveriesRepository,
  type DeliveryOutcome,
} from '../infrastructure/deliveries.repository';

/** Attempts by outcome, finished deliveries by status, event-to-delivery latency, pending backlog. */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: Counter<'result'>;
  private readonly finished: Counter<'status'>;
  private readonly latency: Histogram;
  private readonly rateLimitedWaits: Counter;

  constructor(registry: Registry, deliveries: DeliveriesRepository) {
    this.attempts = new Counter({
      name: 'webhook_attempts_total',
      help: 'Delivery attempts by result (success, http_<status>, error)',
      labelNames: ['result'],
      registers: [registry],
    });
    this.finished = new Counter({
      name: 'webhook_deliveries_finished_total',
      help: 'Deliveries that reached DELIVERED or FAILED',
      labelNames: ['status'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'webhook_delivery_latency_seconds',
      help: 'From the event to its successful delivery',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300, 3600, 86400],
      registers: [registry],
    });
    this.rateLimitedWaits = new Counter({
      name: 'webhook_rate_limited_total',
      help: "Due deliveries a claim left waiting because their subscription's rateLimitPerSecond was used up",
      registers: [registry],
    });
    new Gauge({
      name: 'webhook_deliveries_pending',
      help: 'Deliveries waiting for their first or next attempt',
      registers: [registry],
      async collect() {
        this.set(await deliveries.countPending());
      },
    });
  }

  rateLimited(held: number): void {
    if (held > 0) this.rateLimitedWaits.inc(held);
  }

  recorded(outcomes: readonly DeliveryOutcome[], now: Date): void {
    outcomes.forEach((outcome) => {
      const { statusCode } = outcome.result;
      this.attempts.inc({
        result: isDelivered(outcome.result)
          ? 'success'
          : statusCode
            ? `http_${statusCode}`
            : 'error',
      });
      if (outcome.progress.status === 'PENDING') return;
      this.finished.inc({ status: outcome.progress.status });
      if (outcome.progress.status === 'DELIVERED') {
        this.latency.observe((now.getTime() - outcome.eventCreatedAt.getTime()) / 1000);
      }
    });
  }
}
