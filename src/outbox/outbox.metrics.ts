import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { Clock } from '../shared/domain';

/**
 * The backlog and the failing events are read at scrape time from the partial index of
 * unpublished events: their cost is the backlog's size, never the events store's.
 */
@Injectable()
export class OutboxMetrics {
  constructor(
    registry: Registry,
    em: EntityManager,
    clock: Clock,
    @Inject(AppConfig) config: AppConfig,
  ) {
    const alertAttempts = config.OUTBOX_FAILING_ALERT_ATTEMPTS;
    new Gauge({
      name: 'outbox_events_failing',
      help: `Unpublished events whose handlers failed at least OUTBOX_FAILING_ALERT_ATTEMPTS (${alertAttempts}) times`,
      registers: [registry],
      async collect() {
        const [row] = await em.execute<{ count: string }[]>(
          'select count(*) as count from outbox_event where published_at is null and attempts >= ?',
          [alertAttempts],
        );
        this.set(Number(row.count));
      },
    });
    let oldestAgeSeconds = 0;
    new Gauge({
      name: 'outbox_backlog',
      help: 'Committed events not yet published on the bus',
      registers: [registry],
      async collect() {
        const [row] = await em.execute<{ count: string; oldest: Date | null }[]>(
          'select count(*) as count, min(occurred_at) as oldest from outbox_event where published_at is null',
        );
        this.set(Number(row.count));
        oldestAgeSeconds = row.oldest
          ? Math.max(0, (clock.now().getTime() - new Date(row.oldest).getTime()) / 1000)
          : 0;
      },
    });
    new Gauge({
      name: 'outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest unpublished event (0 when none)',
      registers: [registry],
      collect() {
        this.set(oldestAgeSeconds);
      },
    });
  }
}
