import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { WebhooksConfig } from '../webhooks.config';
import { Clock } from '../../shared/domain';
import { ScheduledWorker } from '../../shared/infrastructure/scheduled-worker';
import { afterAttempt } from '../domain/delivery';
import { startsTooLate } from '../domain/rate-window';
import { RetryPolicy } from '../domain/retry-policy';
import { signingSecrets } from '../domain/subscription';
import {
  type ClaimedDelivery,
  DeliveriesRepository,
  type DeliveryOutcome,
} from '../infrastructure/deliveries.repository';
import { DeliveryMetrics } from './delivery-metrics';
import { DispatcherSignal } from './dispatcher-signal';
import { SubscriptionHealth } from './subscription-health.service';
import { WebhookTransport } from './webhook-ports';

/**
 * Sends due deliveries. Each pass leases a batch in one short statement, sends it outside any
 * transaction with bounded concurrency, and records attempts and outcomes in a second short one:
 * no database lock is ever held across an HTTP call. A crashed instance's lease simply runs out.
 * A pass waits DETACH_AFTER_MS for its attempts at most: slower ones (a receiver that hangs until
 * the timeout) finish on their own and record their outcome then, holding only their own slot of
 * WEBHOOK_CONCURRENCY, so the pass is free to lease other subscriptions' deliveries meanwhile.
 */
/** Time kept between an attempt's end and its lease's end, for recording the outcome. */
const LEASE_SAFETY_MS = 200;
const PASSES = 2;
const MIN_ATTEMPT_MS = 100;
const DETACH_AFTER_MS = 500;

interface RunningAttempt {
  promise: Promise<void>;
  done: boolean;
  outcome?: DeliveryOutcome;
}

@Injectable()
export class WebhookDispatcher extends ScheduledWorker {
  private readonly policy: RetryPolicy;
  private readonly batchSize: number;
  /** Attempts running on this instance, or reserved by a claim in progress. */
  private inFlight = 0;
  private readonly detached = new Set<Promise<void>>();

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly transport: WebhookTransport,
    private readonly clock: Clock,
    private readonly metrics: DeliveryMetrics,
    private readonly health: SubscriptionHealth,
    private readonly signal: DispatcherSignal,
    scheduler: SchedulerRegistry,
    private readonly config: WebhooksConfig,
  ) {
    // Two passes overlap, each sending its whole batch at once: while one waits on the database
    // (claim, record) the other's requests are in flight. Attempts in flight ≤ WEBHOOK_CONCURRENCY
    // (counted in inFlight, late ones included).
    const batchSize = Math.max(1, Math.ceil(config.concurrency / PASSES));
    super({
      name: 'webhook-dispatcher',
      intervalMs: config.pollIntervalMs,
      batchSize,
      scheduler,
      wakeUp: signal,
      parallelPasses: PASSES,
    });
    this.batchSize = batchSize;
    this.policy = new RetryPolicy({
      baseMs: config.retryBaseMs,
      maxDelayMs: config.retryMaxDelayMs,
      windowMs: config.retryWindowMs,
    });
  }

  /** One pass: lease, send, record. Returns how many deliveries it leased. */
  async runOnce(): Promise<number> {
    const limit = Math.min(this.batchSize, this.config.concurrency - this.inFlight);
    if (limit <= 0) return 0;
    this.inFlight += limit;
    let leased: ClaimedDelivery[] = [];
    let claimed = 0;
    try {
      const now = this.clock.now();
      const leaseId = randomUUID();
      const leaseUntil = new Date(now.getTime() + this.config.leaseMs);
      const claim = await this.deliveries.claimDue(
        now,
        leaseUntil,
        leaseId,
        limit,
        this.config.maxInFlightPerSubscription,
      );
      this.metrics.rateLimited(claim.rateHeld);
      claimed = claim.claimed;
      const startAt = this.clock.now();
      const late = claim.leased.filter((d) => d.rateLimited && startsTooLate(now, startAt));
      leased = claim.leased.filter((d) => !late.includes(d));
      this.inFlight -= limit - leased.length;
      const running = leased.map((delivery) => this.launch(delivery, leaseUntil));
      await this.deliveries.release(
        late.map((d) => d.id),
        leaseId,
        startAt,
      );
      if (leased.length === 0) return claimed;
      await this.within(Promise.all(running.map((r) => r.promise)), DETACH_AFTER_MS);
      const done = running.filter((r) => r.done);
      this.detach(
        running.filter((r) => !r.done),
        leaseId,
      );
      await this.record(done, leaseId);
      // A pass that leased fewer than a batch tells the loop that the queue is drained, although
      // a capped subscription may still have due deliveries: the slots just freed can take them,
      // so look again now rather than at the next poll interval.
      this.signal.nudge();
      return claimed;
    } catch (error) {
      if (leased.length === 0) this.inFlight -= limit;
      throw error;
    }
  }

  /** Lets the attempts still running end before the application stops. */
  override async onModuleDestroy(): Promise<void> {
    await super.onModuleDestroy();
    await Promise.all(this.detached);
  }

  private launch(delivery: ClaimedDelivery, leaseUntil: Date): RunningAttempt {
    const running: RunningAttempt = { done: false, promise: Promise.resolve() };
    running.promise = this.attempt(delivery, leaseUntil)
      .then((outcome) => {
        running.outcome = outcome;
      })
      .finally(() => {
        running.done = true;
        this.inFlight -= 1;
      });
    return running;
  }

  private async within(work: Promise<unknown>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      work,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  /** Each late attempt records its own outcome when it ends, and frees its slot for a new pass. */
  private detach(late: readonly RunningAttempt[], leaseId: string): void {
    for (const running of late) {
      const recorded: Promise<void> = running.promise
        .then(() => this.record([running], leaseId))
        .catch((error: unknown) =>
          this.logger.warn(`recording a late attempt failed: ${String(error)}`),
        )
        .finally(() => {
          this.detached.delete(recorded);
          this.signal.nudge();
        });
      this.detached.add(recorded);
    }
  }

  private async record(done: readonly RunningAttempt[], leaseId: string): Promise<void> {
    const outcomes = done
      .map((r) => r.outcome)
      .filter((outcome): outcome is DeliveryOutcome => outcome !== undefined);
    if (outcomes.length === 0) return;
    await this.deliveries.recordOutcomes(outcomes, leaseId, this.clock.now());
    await this.health.record(outcomes, this.clock.now());
    this.metrics.recorded(outcomes, this.clock.now());
  }

  /**
   * Sends one delivery within what is left of its lease, so that no other instance can send it
   * while this attempt is still running. A lease already (nearly) spent is left to run out: the
   * delivery is then due again, for this instance or another.
   */
  private async attempt(
    delivery: ClaimedDelivery,
    leaseUntil: Date,
  ): Promise<DeliveryOutcome | undefined> {
    const attemptedAt = this.clock.now();
    const budgetMs = leaseUntil.getTime() - attemptedAt.getTime() - LEASE_SAFETY_MS;
    if (budgetMs < MIN_ATTEMPT_MS) return undefined;
    const result = await this.transport.send({
      url: delivery.callbackUrl,
      // Read at claim time from the subscription row, checked against the attempt's own time.
      secrets: signingSecrets(delivery, attemptedAt),
      messageId: delivery.eventId,
      body: delivery.body,
      timeoutMs: budgetMs,
    });
    const progress = afterAttempt({
      attempts: delivery.attempts,
      eventCreatedAt: new Date(delivery.windowFrom),
      result,
      now: this.clock.now(),
      policy: this.policy,
    });
    return {
      id: delivery.id,
      subscriptionId: delivery.subscriptionId,
      eventCreatedAt: new Date(delivery.eventCreatedAt),
      attemptedAt,
      result,
      progress,
    };
  }
}
