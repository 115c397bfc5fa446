import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, type Page } from '../../shared/application/page-cursor';
import { Clock, DomainError, isUuid } from '../../shared/domain';
import {
  DeliveriesRepository,
  type DeliveryWithAttempts,
} from '../infrastructure/deliveries.repository';
import { DispatcherSignal } from './dispatcher-signal';
import { SubscriptionsService } from './subscriptions.service';

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: {
    attemptedAt: string;
    statusCode: number | null;
    durationMs: number;
    error: string | null;
  }[];
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const toView = (d: DeliveryWithAttempts): DeliveryView => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attemptsLog.map((a) => ({
    attemptedAt: iso(a.attemptedAt)!,
    statusCode: a.statusCode,
    durationMs: a.durationMs,
    error: a.error,
  })),
  nextAttemptAt: d.status === 'PENDING' ? iso(d.nextAttemptAt) : null,
  createdAt: iso(d.createdAt)!,
  deliveredAt: iso(d.deliveredAt),
});

@Injectable()
export class DeliveriesService {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly deliveries: DeliveriesRepository,
    private readonly signal: DispatcherSignal,
    private readonly clock: Clock,
  ) {}

  async list(
    accountId: string,
    subscriptionId: string,
    filter: { status?: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<DeliveryView>> {
    await this.subscriptions.get(accountId, subscriptionId);
    const beforeId = cursor === undefined ? undefined : decodeCursor(cursor);
    const rows = await this.deliveries.listForSubscription(
      subscriptionId,
      { ...filter, beforeId },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return {
      data: page.map(toView),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  /** Sends a delivery again now, a FAILED one included; the dispatcher takes it at once. */
  async retry(
    accountId: string,
    subscriptionId: string,
    deliveryId: string,
  ): Promise<DeliveryView> {
    await this.subscriptions.get(accountId, subscriptionId);
    const delivery = isUuid(deliveryId)
      ? await this.deliveries.retryNow(subscriptionId, deliveryId, this.clock.now())
      : undefined;
    if (!delivery)
      throw new DomainError(
        'not-found',
        'delivery-not-found',
        `delivery ${deliveryId} does not exist`,
      );
    this.signal.nudge();
    return toView(delivery);
  }
}
