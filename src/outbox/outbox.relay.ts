import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Transactions } from '../database/transactions';
import { Clock } from '../shared/domain';
import { summarizeError } from '../shared/infrastructure/database-errors';
import { ScheduledWorker } from '../shared/infrastructure/scheduled-worker';
import type { OutboxEvent } from './outbox-event';
import { OutboxRetryPolicy } from './outbox-retry-policy';
import { OutboxConfig } from './outbox.config';
import { OutboxSignal } from './outbox-signal';
import { outboxSql } from './outbox.sql';

const BATCH = 100;

/**
 * Publishes committed outbox events on the in-process bus. Each claimed row is handled inside the
 * claiming transaction, so the handlers' writes (webhook deliveries, payout jobs) commit together
 * with the "published" mark: an event is handled once per commit, and a crash only repeats work
 * that rolled back. A handler that fails rolls back its own savepoint and is retried later.
 */
@Injectable()
export class OutboxRelay extends ScheduledWorker {
  private readonly retries: OutboxRetryPolicy;

  constructor(
    private readonly em: EntityManager,
    private readonly transactions: Transactions,
    private readonly bus: EventEmitter2,
    private readonly clock: Clock,
    signal: OutboxSignal,
    scheduler: SchedulerRegistry,
    config: OutboxConfig,
  ) {
    super({
      name: 'outbox-relay',
      intervalMs: config.pollIntervalMs,
      batchSize: BATCH,
      scheduler,
      wakeUp: signal,
    });
    this.retries = new OutboxRetryPolicy({
      baseMs: config.retryBaseMs,
      maxDelayMs: config.retryMaxDelayMs,
    });
  }

  /**
   * The whole batch in one savepoint first (the common case costs no extra round trips); if a
   * handler fails, the batch is rolled back and replayed event by event, each in its own savepoint,
   * so that one failing event cannot hold back the others.
   */
  private async publishAll(events: readonly OutboxEvent[], now: Date): Promise<string[]> {
    // An empty pass (every poll when idle) opens no savepoint.
    if (events.length === 0) return [];
    try {
      await this.transactions.run(async () => {
        for (const event of events) await this.bus.emitAsync(event.type, event);
      });
      return events.map((e) => e.id);
    } catch {
      const published: string[] = [];
      for (const event of events) {
        try {
          await this.transactions.run(() => this.bus.emitAsync(event.type, event));
          published.push(event.id);
        } catch (error) {
          await this.deferFailed(event, error as Error, now);
        }
      }
      return published;
    }
  }

  /** A dead letter is never dropped: it waits longer after each failure (OutboxRetryPolicy). */
  private async deferFailed(event: OutboxEvent, error: Error, now: Date): Promise<void> {
    const failures = event.attempts + 1;
    const reason = summarizeError(error);
    const delayMs = this.retries.delayMs(failures);
    this.logger.error(
      `event ${event.id} (${event.type}) failed in a handler (failure ${failures}, next try in ${delayMs} ms): ${reason}`,
    );
    await outboxSql.deferFailed(this.em, {
      id: event.id,
      failures,
      reason,
      availableAt: new Date(now.getTime() + delayMs),
    });
  }

  /** Claims, publishes and marks one batch; returns how many rows it claimed. */
  async runOnce(): Promise<number> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const events = await outboxSql.claimDue(this.em, now, BATCH);
      const published = await this.publishAll(events, now);
      if (published.length) await outboxSql.markPublished(this.em, published, now);
      return events.length;
    });
  }
}
