import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../shared/domain';
import { ScheduledWorker } from '../shared/infrastructure/scheduled-worker';
import { RetentionConfig } from './retention.config';
import { deleteOld, RETENTION_DELETES, type RetainedTable } from './retention.sql';

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
    config: RetentionConfig,
  ) {
    super({
      name: 'retention',
      intervalMs: config.intervalMs,
      batchSize: config.batchSize,
      scheduler,
    });
    this.retentionMs = config.eventRetentionMs;
    this.batch = config.batchSize;
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
      deleted[table] = await deleteOld(this.em, table, cutoff, this.batch);
    }
    if (deleted.attempts + deleted.deliveries + deleted.events > 0) {
      this.logger.log(
        `deleted ${deleted.attempts} attempts, ${deleted.deliveries} deliveries, ${deleted.events} events`,
      );
    }
    return deleted;
  }
}
