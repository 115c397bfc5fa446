import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { Clock } from '../../shared/domain';
import { mapLimit } from '../../shared/infrastructure/map-limit';
import { ScheduledWorker } from '../../shared/infrastructure/scheduled-worker';
import { afterAttempt } from '../domain/delivery';
import { RetryPolicy } from '../domain/retry-policy';
import {
  type ClaimedDelivery,
  DeliveriesRepository,
  type DeliveryOutcome,
} from '../infrastructure/deliveries.repository';
import { DeliveryMetrics } from './delivery-metrics';
import { DispatcherSignal } from './dispatcher-signal';
import { WebhookTransport } from './webhook-ports';

/**
 * Sends due deliveries. Each pass leases a batch in one short statement, sends it outside any
 * transaction with bounded concurrency, and records attempts and outcomes in a second short one:
 * no database lock is ever held across an HTTP call. A crashed instance's lease simply runs out.
 */
@Injectable()
export class WebhookDispatcher extends ScheduledWorker {
  private readonly policy: RetryPolicy;
  private readonly batchSize: number;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly transactions: Transactions,
    private readonly transport: WebhookTransport,
    private readonly clock: Clock,
    private readonly metrics: DeliveryMetrics,
    signal: DispatcherSignal,
    scheduler: SchedulerRegistry,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    const batchSize = config.WEBHOOK_CONCURRENCY * 2;
    super({
      name: 'webhook-dispatcher',
      intervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
      batchSize,
      enabled: config.SCHEDULERS,
      scheduler,
      wakeUp: signal,
    });
    this.batchSize = batchSize;
    this.policy = new RetryPolicy({
      baseMs: config.WEBHOOK_RETRY_BASE_MS,
      maxDelayMs: config.WEBHOOK_RETRY_MAX_DELAY_MS,
      windowMs: config.WEBHOOK_RETRY_WINDOW_MS,
    });
  }

  /** One pass: lease, send, record. Returns how many deliveries it leased. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const leaseId = randomUUID();
    const claimed = await this.deliveries.claimDue(
      now,
      new Date(now.getTime() + this.config.WEBHOOK_LEASE_MS),
      leaseId,
      this.batchSize,
    );
    if (claimed.length === 0) return 0;
    const outcomes = await mapLimit(claimed, this.config.WEBHOOK_CONCURRENCY, (delivery) =>
      this.attempt(delivery),
    );
    await this.transactions.run(() =>
      this.deliveries.recordOutcomes(outcomes, leaseId, this.clock.now()),
    );
    this.metrics.recorded(claimed, outcomes, this.clock.now());
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    const attemptedAt = this.clock.now();
    const result = await this.transport.send({
      url: delivery.callbackUrl,
      secret: delivery.secret,
      messageId: delivery.eventId,
      body: delivery.body,
    });
    const progress = afterAttempt({
      attempts: delivery.attempts,
      eventCreatedAt: new Date(delivery.eventCreatedAt),
      result,
      now: this.clock.now(),
      policy: this.policy,
    });
    return { id: delivery.id, attemptedAt, result, progress };
  }
}
