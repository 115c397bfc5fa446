import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { Clock } from '../shared/domain';
import { OutboxEvent } from './outbox-event';
import { OutboxConfig } from './outbox.config';
import { outboxSql } from './outbox.sql';

/**
 * The backlog and the failing events are read at scrape time from the partial index of
 * unpublished events: their cost is the backlog's size, never the events store's.
 */
@Injectable()
export class OutboxMetrics {
  constructor(registry: Registry, em: EntityManager, clock: Clock, config: OutboxConfig) {
    const alertAttempts = config.failingAlertAttempts;
    new Gauge({
      name: 'outbox_events_failing',
      help: `Unpublished events whose handlers failed at least OUTBOX_FAILING_ALERT_ATTEMPTS (${alertAttempts}) times`,
      registers: [registry],
      async collect() {
        // A fork: a scrape runs outside any request, where the global context is refused.
        const failing = await em
          .fork()
          .count(OutboxEvent, { publishedAt: null, attempts: { $gte: alertAttempts } });
        this.set(failing);
      },
    });
    let oldestAgeSeconds = 0;
    new Gauge({
      name: 'outbox_backlog',
      help: 'Committed events not yet published on the bus',
      registers: [registry],
      async collect() {
        const { count, oldest } = await outboxSql.backlog(em);
        this.set(count);
        oldestAgeSeconds = oldest
          ? Math.max(0, (clock.now().getTime() - oldest.getTime()) / 1000)
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
