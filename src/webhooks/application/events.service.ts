import { Injectable } from '@nestjs/common';
import { EventStore } from '../../outbox';
import { decodeCursor, encodeCursor, type Page } from '../../shared/application/page-cursor';
import { PAGE_SIZE_DEFAULT } from '../../shared/application/page-size';
import { DomainError, isUuid } from '../../shared/domain';
import { envelopeOf, type EventEnvelope } from '../domain/event-envelope';
import { RECORDED_EVENT_TYPES } from '../domain/event-types';

/** A payment's history is short (a handful of moves); the bound only keeps a query finite. */
const HISTORY_LIMIT = 1000;

export interface EventsQuery {
  type?: string;
  paymentId?: string;
  createdFrom?: string;
  createdTo?: string;
}

/**
 * The events API: the envelopes exactly as they were delivered, so that a client that missed
 * webhooks catches up by polling.
 */
@Injectable()
export class EventsService {
  constructor(private readonly store: EventStore) {}

  async list(
    accountId: string,
    query: EventsQuery,
    limit = PAGE_SIZE_DEFAULT,
    cursor?: string,
  ): Promise<Page<EventEnvelope>> {
    const rows = await this.store.list(
      accountId,
      {
        types: RECORDED_EVENT_TYPES,
        type: query.type,
        aggregateId: query.paymentId,
        from: query.createdFrom === undefined ? undefined : new Date(query.createdFrom),
        to: query.createdTo === undefined ? undefined : new Date(query.createdTo),
        beforeId: cursor === undefined ? undefined : decodeCursor(cursor),
      },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return {
      data: page.map(envelopeOf),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  async get(accountId: string, id: string): Promise<EventEnvelope> {
    const event = isUuid(id)
      ? await this.store.get(accountId, id, RECORDED_EVENT_TYPES)
      : undefined;
    if (!event) throw new DomainError('not-found', 'event-not-found', `event ${id} does not exist`);
    return envelopeOf(event);
  }

  /**
   * Oldest first. A payment always has its payment.created event (written with it), so no event
   * means no payment of this account's, within the retention.
   */
  async ofPayment(accountId: string, paymentId: string): Promise<{ data: EventEnvelope[] }> {
    const events = isUuid(paymentId)
      ? await this.store.history(accountId, paymentId, HISTORY_LIMIT)
      : [];
    if (events.length === 0)
      throw new DomainError(
        'not-found',
        'payment-not-found',
        `payment ${paymentId} does not exist`,
      );
    return { data: events.map(envelopeOf) };
  }
}
