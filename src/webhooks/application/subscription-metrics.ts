import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { DeliveriesRepository } from '../infrastructure/deliveries.repository';
import { SubscriptionsRepository } from '../infrastructure/subscriptions.repository';

/**
 * Read at scrape time. The paused backlog walks only the PENDING deliveries (their partial index,
 * webhook_delivery_due_idx) and looks each subscription up by its primary key.
 */
@Injectable()
export class SubscriptionMetrics {
  constructor(
    registry: Registry,
    subscriptions: SubscriptionsRepository,
    deliveries: DeliveriesRepository,
  ) {
    new Gauge({
      name: 'webhook_subscriptions_disabled',
      help: 'Subscriptions DISABLED (by their owner or automatically), not deleted',
      registers: [registry],
      async collect() {
        this.set(await subscriptions.countDisabled());
      },
    });
    new Gauge({
      name: 'webhook_deliveries_paused',
      help: 'PENDING deliveries parked because their subscription is PAUSED or DISABLED',
      registers: [registry],
      async collect() {
        this.set(await deliveries.countParked());
      },
    });
  }
}
