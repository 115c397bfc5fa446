import { EntityManager, type QueryResult } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config';
import { Clock } from '../shared/domain';
import { ScheduledWorker } from '../shared/infrastructure/scheduled-worker';
import { RETENTION_DELETES, type RetainedTable } from './retention.sql';

const DAY_MS = 24 * 3600 * 1000;

export type RetentionPass = Record<RetainedTable, number>;

/**
 * Deletes what is older than EVENT_RETENTION_DAYS (ADR 0016), one bounded batch per table and
 * statement, each statement its own transaction: no lock outlives a batch. A pass that filled a
 * batch is followed at once by another (ScheduledWorker), so a backlog drains batch by batch.
 */
@Injectable()
export class RetentionWorker extends ScheduledWorker {
  private readonly retentionMs: number;
  private readonly batch: number;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    scheduler: SchedulerRegistry,
    @Inject(AppConfig) config: AppConfig,
  ) {
    super({
      name: 'retention',
      intervalMs: config.RETENTION_INTERVAL_MS,
      batchSize: config.RETENTION_BATCH_SIZE,
      scheduler,
    });
    this.retentionMs = config.EVENT_RETENTION_DAYS * DAY_MS;
    this.batch = config.RETENTION_BATCH_SIZE;
  }

  /** One batch of each delete; returns the largest, so a full batch anywhere means "more". */
  async runOnce(): Promise<number> {
    const deleted = await this.deleteOnce();
    return Math.max(deleted.attempts, deleted.deliveries, deleted.events);
  }

  /** Attempts, then deliveries, then events: an event goes only once its deliveries are done. */
  async deleteOnce(): Promise<RetentionPass> {
    const cutoff = new Date(this.clock.now().getTime() - this.retentionMs);
    const deleted: RetentionPass = { attempts: 0, deliveries: 0, events: 0 };
    for (const table of Object.keys(RETENTION_DELETES) as RetainedTable[]) {
      const result = await this.em
        .fork()
        .execute<QueryResult>(RETENTION_DELETES[table], [cutoff, this.batch], 'run');
      deleted[table] = result.affectedRows;
    }
    if (deleted.attempts + deleted.deliveries + deleted.events > 0) {
      this.logger.log(
        `deleted ${deleted.attempts} attempts, ${deleted.deliveries} deliveries, ${deleted.events} events`,
      );
    }
    return deleted;
  }
}
