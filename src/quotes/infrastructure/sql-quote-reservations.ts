import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { type CorridorRules, isUuid } from '../../shared/domain';
import {
  type QuoteCheck,
  QuoteReservations,
  type QuoteTerms,
} from '../application/quote-reservations.port';
import { CorridorTable } from '../domain/corridor-table';
import type { Quote, ReservationRefusal } from '../domain/quote';
import type { QuoteRecord } from './quote.schema';
import { toQuote } from './quotes.repository';

const DETAILS: Record<ReservationRefusal, (id: string, expiresAt?: Date) => string> = {
  'quote-not-found': (id) => `quote ${id} does not exist`,
  'quote-expired': (id, expiresAt) => `quote ${id} expired at ${expiresAt?.toISOString()}`,
  'quote-already-used': (id) => `quote ${id} has already been used by another payment`,
};

const COLUMNS = `id, account_id as "accountId", currency, country, fee_minor as "feeMinor",
  expires_at as "expiresAt", created_at as "createdAt", used_at as "usedAt"`;

const NO_RULES: CorridorRules = { beneficiaryRequirements: [], minAmount: null, maxAmount: null };

/**
 * Locks the quotes in id order (so two batches never deadlock) and lets the Quote decide; the
 * caller then marks the ones it uses. A concurrent reserver waits on the lock and then sees them used.
 */
@Injectable()
export class SqlQuoteReservations extends QuoteReservations {
  constructor(
    private readonly em: EntityManager,
    private readonly corridors: CorridorTable,
  ) {
    super();
  }

  async lock(
    accountId: string,
    quoteIds: readonly string[],
    now: Date,
  ): Promise<Map<string, QuoteCheck>> {
    const ids = [...new Set(quoteIds.filter(isUuid))];
    const rows = ids.length
      ? await this.em.execute<QuoteRecord[]>(
          `select ${COLUMNS} from quote where id in (?) order by id for update`,
          [ids],
        )
      : [];
    const quotes = new Map(rows.map((row) => [row.id, toQuote(row)]));
    const checks = new Map<string, QuoteCheck>();
    for (const id of quoteIds) {
      const quote = quotes.get(id);
      const refusal = quote ? quote.refusalFor(accountId, now) : 'quote-not-found';
      if (!refusal && quote) {
        checks.set(id, { usable: true, quote: { id, fee: quote.fee, ...this.termsOf(quote) } });
      } else if (refusal) {
        const terms = refusal === 'quote-not-found' || !quote ? undefined : this.termsOf(quote);
        checks.set(id, {
          usable: false,
          code: refusal,
          detail: DETAILS[refusal](id, quote?.expiresAt),
          terms,
        });
      }
    }
    return checks;
  }

  private termsOf(quote: Quote): QuoteTerms {
    const corridor = this.corridors.find(quote.country.code, quote.currency.code);
    const rules = corridor
      ? {
          beneficiaryRequirements: corridor.beneficiaryRequirements,
          minAmount: corridor.minAmount,
          maxAmount: corridor.maxAmount,
        }
      : NO_RULES;
    return { currency: quote.currency, country: quote.country, rules };
  }

  async markUsed(accountId: string, quoteIds: readonly string[], now: Date): Promise<void> {
    if (quoteIds.length === 0) return;
    await this.em.execute('update quote set used_at = ? where account_id = ? and id in (?)', [
      now,
      accountId,
      [...quoteIds],
    ]);
  }

  async release(accountId: string, quoteIds: readonly string[]): Promise<void> {
    if (quoteIds.length === 0) return;
    await this.em.execute('update quote set used_at = null where account_id = ? and id in (?)', [
      accountId,
      [...quoteIds],
    ]);
  }
}
