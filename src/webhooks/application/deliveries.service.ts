import { Injectable } from '@nestjs/common';
import { RetentionConfig } from '../../retention';
import { decodeCursor, encodeCursor, type Page } from '../../shared/application/page-cursor';
import { PAGE_SIZE_DEFAULT } from '../../shared/application/page-size';
import {
  Clock,
  DomainError,
  type FieldRefusal,
  isUuid,
  validationFailed,
} from '../../shared/domain';
import type { Delivery, DeliveryStatus, DeliveryView } from '../domain/delivery';
import { DeliveriesRepository } from '../infrastructure/deliveries.repository';
import { DispatcherSignal } from './dispatcher-signal';
import { SubscriptionsService } from './subscriptions.service';

const refusal = (field: string, code: string, message: string): FieldRefusal => ({
  field,
  code,
  message,
});

@Injectable()
export class DeliveriesService {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly deliveries: DeliveriesRepository,
    private readonly signal: DispatcherSignal,
    private readonly clock: Clock,
    private readonly retention: RetentionConfig,
  ) {}

  async list(
    accountId: string,
    subscriptionId: string,
    filter: { status?: DeliveryStatus },
    limit = PAGE_SIZE_DEFAULT,
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
      data: await this.withAttempts(page),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  /**
   * Sends the subscription's FAILED deliveries whose event lies in [since, until) again, each
   * with a fresh retry window from now. `since` may not be in the future nor older than the
   * retention (those events are gone); `until`, when given, must come after `since`.
   */
  async recover(
    accountId: string,
    subscriptionId: string,
    range: { since: string; until?: string },
  ): Promise<{ queued: number }> {
    const now = this.clock.now();
    const since = new Date(range.since);
    const until = range.until === undefined ? undefined : new Date(range.until);
    const oldest = new Date(now.getTime() - this.retention.eventRetentionMs);
    const refused: FieldRefusal[] = [];
    if (since > now) refused.push(refusal('since', 'in-the-future', 'since is in the future'));
    if (since < oldest)
      refused.push(
        refusal(
          'since',
          'beyond-retention',
          `since is older than the retention (${oldest.toISOString()})`,
        ),
      );
    if (until && until > now)
      refused.push(refusal('until', 'in-the-future', 'until is in the future'));
    if (until && until <= since)
      refused.push(refusal('until', 'before-since', 'until must come after since'));
    if (refused.length) throw validationFailed(refused);
    const subscription = await this.subscriptions.get(accountId, subscriptionId);
    const queued = await this.deliveries.recover(subscription, since, until, now);
    if (queued > 0) this.signal.nudge();
    return { queued };
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
    return (await this.withAttempts([delivery]))[0];
  }

  private async withAttempts(deliveries: readonly Delivery[]): Promise<DeliveryView[]> {
    const attempts = await this.deliveries.attemptsOf(deliveries);
    return deliveries.map((d) => d.toView(attempts.get(d.id)!));
  }
}
