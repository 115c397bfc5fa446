import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid } from '../../shared/domain';
import { QuoteReservations, type ReservationResult } from '../application/quote-reservations.port';
import type { ReservationRefusal } from '../domain/quote';
import type { QuoteRecord } from './quote.schema';
import { toQuote } from './quotes.repository';

const DETAILS: Record<ReservationRefusal, (id: string, expiresAt?: Date) => string> = {
  'quote-not-found': (id) => `quote ${id} does not exist`,
  'quote-expired': (id, expiresAt) => `quote ${id} expired at ${expiresAt?.toISOString()}`,
  'quote-already-used': (id) => `quote ${id} has already been used by another payment`,
};

const COLUMNS = `id, account_id as "accountId", currency, country, fee_minor as "feeMinor",
  expires_at as "expiresAt", created_at as "createdAt", used_at as "usedAt"`;

/**
 * Locks the quotes in id order (so two batches never deadlock), lets the Quote decide, and marks
 * the reserved ones used. A concurrent reserver waits on the lock and then sees them used.
 */
@Injectable()
export class SqlQuoteReservations extends QuoteReservations {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async reserve(
    accountId: string,
    quoteIds: readonly string[],
    now: Date,
  ): Promise<Map<string, ReservationResult>> {
    const ids = [...new Set(quoteIds.filter(isUuid))];
    const rows = ids.length
      ? await this.em.execute<QuoteRecord[]>(
          `select ${COLUMNS} from quote where id in (?) order by id for update`,
          [ids],
        )
      : [];
    const quotes = new Map(rows.map((row) => [row.id, toQuote(row)]));
    const results = new Map<string, ReservationResult>();
    const reserved: string[] = [];
    for (const id of quoteIds) {
      const quote = quotes.get(id);
      const refusal = quote ? quote.reserveFor(accountId, now) : 'quote-not-found';
      if (refusal) {
        const currency = refusal === 'quote-not-found' ? undefined : quote?.currency;
        results.set(id, {
          reserved: false,
          code: refusal,
          detail: DETAILS[refusal](id, quote?.expiresAt),
          currency,
        });
      } else if (quote) {
        reserved.push(id);
        results.set(id, {
          reserved: true,
          quote: { id, currency: quote.currency, country: quote.country, fee: quote.fee },
        });
      }
    }
    if (reserved.length)
      await this.em.execute('update quote set used_at = ? where id in (?)', [now, reserved]);
    return results;
  }

  async release(accountId: string, quoteIds: readonly string[]): Promise<void> {
    if (quoteIds.length === 0) return;
    await this.em.execute('update quote set used_at = null where account_id = ? and id in (?)', [
      accountId,
      [...quoteIds],
    ]);
  }
}
