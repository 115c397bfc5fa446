import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Clock, type DomainEvent } from '../shared/domain';
import { summarizeError } from '../shared/infrastructure/database-errors';
import { ScheduledWorker } from '../shared/infrastructure/scheduled-worker';
import { OutboxRetryPolicy } from './outbox-retry-policy';
import { OutboxSignal } from './outbox-signal';

const BATCH = 100;

interface ClaimedEvent {
  id: string;
  type: string;
  aggregateId: string;
  accountId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  attempts: number;
}

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
    @Inject(AppConfig) config: AppConfig,
  ) {
    super({
      name: 'outbox-relay',
      intervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      batchSize: BATCH,
      scheduler,
      wakeUp: signal,
    });
    this.retries = new OutboxRetryPolicy({
      baseMs: config.OUTBOX_RETRY_BASE_MS,
      maxDelayMs: config.OUTBOX_RETRY_MAX_DELAY_MS,
    });
  }

  /**
   * The whole batch in one savepoint first (the common case costs no extra round trips); if a
   * handler fails, the batch is rolled back and replayed event by event, each in its own savepoint,
   * so that one failing event cannot hold back the others.
   */
  private async publishAll(
    events: DomainEvent[],
    failures: ReadonlyMap<string, number>,
    now: Date,
  ): Promise<string[]> {
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
          await this.deferFailed(event, (failures.get(event.id) ?? 0) + 1, error as Error, now);
        }
      }
      return published;
    }
  }

  /** A dead letter is never dropped: it waits longer after each failure (OutboxRetryPolicy). */
  private async deferFailed(
    event: DomainEvent,
    failures: number,
    error: Error,
    now: Date,
  ): Promise<void> {
    const reason = summarizeError(error);
    const delayMs = this.retries.delayMs(failures);
    this.logger.error(
      `event ${event.id} (${event.type}) failed in a handler (failure ${failures}, next try in ${delayMs} ms): ${reason}`,
    );
    await this.em.execute(
      `update outbox_event set attempts = ?, last_error = left(?, 500), available_at = ? where id = ?`,
      [failures, reason, new Date(now.getTime() + delayMs), event.id],
    );
  }

  /** Claims, publishes and marks one batch; returns how many rows it claimed. */
  async runOnce(): Promise<number> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const rows = await this.em.execute<ClaimedEvent[]>(
        `select id, type, aggregate_id as "aggregateId", account_id as "accountId", payload, occurred_at as "occurredAt", attempts
         from outbox_event where published_at is null and available_at <= ?
         order by id limit ? for update skip locked`,
        [now, BATCH],
      );
      const events = rows.map(({ attempts: _attempts, ...row }): DomainEvent => ({
        ...row,
        occurredAt: new Date(row.occurredAt),
      }));
      const failures = new Map(rows.map((row) => [row.id, row.attempts]));
      const published = await this.publishAll(events, failures, now);
      if (published.length) {
        await this.em.execute('update outbox_event set published_at = ? where id in (?)', [
          now,
          published,
        ]);
      }
      return rows.length;
    });
  }
}
