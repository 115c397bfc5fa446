import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';

/**
 * Read at scrape time. The paused backlog walks only the PENDING deliveries (their partial index,
 * webhook_delivery_due_idx) and looks each subscription up by its primary key.
 */
@Injectable()
export class SubscriptionMetrics {
  constructor(registry: Registry, em: EntityManager) {
    new Gauge({
      name: 'webhook_subscriptions_disabled',
      help: 'Subscriptions DISABLED (by their owner or automatically), not deleted',
      registers: [registry],
      async collect() {
        const [row] = await em.execute<{ count: string }[]>(
          `select count(*) as count from webhook_subscription where status = 'DISABLED' and deleted_at is null`,
        );
        this.set(Number(row.count));
      },
    });
    new Gauge({
      name: 'webhook_deliveries_paused',
      help: 'PENDING deliveries parked because their subscription is PAUSED or DISABLED',
      registers: [registry],
      async collect() {
        const [row] = await em.execute<{ count: string }[]>(
          `select count(*) as count from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
           where d.status = 'PENDING' and s.status in ('PAUSED', 'DISABLED')`,
        );
        this.set(Number(row.count));
      },
    });
  }
}
