import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { Clock } from '../../shared/domain';
import { mapLimit } from '../../shared/infrastructure/map-limit';
import { PollingLoop } from '../../shared/infrastructure/polling-loop';
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
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly loop: PollingLoop;
  private readonly policy: RetryPolicy;
  private unsubscribe?: () => void;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly transactions: Transactions,
    private readonly transport: WebhookTransport,
    private readonly clock: Clock,
    private readonly signal: DispatcherSignal,
    private readonly metrics: DeliveryMetrics,
    private readonly scheduler: SchedulerRegistry,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    this.policy = new RetryPolicy({
      baseMs: config.WEBHOOK_RETRY_BASE_MS,
      maxDelayMs: config.WEBHOOK_RETRY_MAX_DELAY_MS,
      windowMs: config.WEBHOOK_RETRY_WINDOW_MS,
    });
    this.loop = new PollingLoop({
      name: 'webhook dispatcher',
      intervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
      batchSize: this.batchSize,
      work: () => this.dispatchBatch(),
      logger: this.logger,
    });
  }

  private get batchSize(): number {
    return this.config.WEBHOOK_CONCURRENCY * 2;
  }

  onApplicationBootstrap(): void {
    if (!this.config.SCHEDULERS) return;
    this.scheduler.addInterval('webhook-dispatcher', this.loop.start());
    this.unsubscribe = this.signal.onNudge(() => this.loop.nudge());
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.loop.stop();
  }

  /** One pass: lease, send, record. Returns how many deliveries it leased. */
  async dispatchBatch(): Promise<number> {
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
