import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { QuoteReservations } from '../../quotes';
import { Clock } from '../../shared/domain';
import type { Payment } from '../domain';
import { PaymentsRepository } from '../infrastructure/payments.repository';
import { assertAmountsFit } from './amount-fit';
import { atomicBatchRejected } from './atomic-batch-rejected';
import { created, createPayment, currencyOf, rejected, replayOrConflict } from './batch-items';
import { assertNoDuplicateItems } from './duplicate-items';
import type { ItemOutcome, PaymentRequest, RejectedItem } from './payment-request';

const isRejected = (o: ItemOutcome | undefined): o is RejectedItem => o?.outcome === 'REJECTED';

/**
 * Creates a batch of payments in one transaction, in as few statements as the batch allows:
 * one lookup of known externalRefs, one locking read of the quotes, one multi-row insert (plus
 * the outbox rows). Items are independent unless `atomic`; then any rejection rolls back all.
 */
@Injectable()
export class CreatePaymentsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly payments: PaymentsRepository,
    private readonly quotes: QuoteReservations,
    private readonly clock: Clock,
  ) {}

  async execute(
    accountId: string,
    items: readonly PaymentRequest[],
    atomic: boolean,
  ): Promise<ItemOutcome[]> {
    assertNoDuplicateItems(items);
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const outcomes = new Array<ItemOutcome | undefined>(items.length);
      // New payments are the common case, so quotes are reserved first; an externalRef that is
      // already known shows up below as a refused quote or a skipped insert.
      const reservations = await this.quotes.reserve(
        accountId,
        items.map((item) => item.quoteId),
        now,
      );
      assertAmountsFit(items, (i) => currencyOf(reservations.get(items[i].quoteId)));

      const candidates: { index: number; payment: Payment }[] = [];
      items.forEach((item, index) => {
        const reservation = reservations.get(item.quoteId)!;
        if (reservation.reserved) {
          candidates.push({
            index,
            payment: createPayment(accountId, index, item, reservation.quote, now),
          });
        } else {
          outcomes[index] = rejected(index, item, reservation.code, reservation.detail);
        }
      });
      const inserted = await this.payments.insertNew(candidates.map((c) => c.payment));
      const lost = candidates.filter((c) => !inserted.has(c.payment.id));
      await this.quotes.release(
        accountId,
        lost.map((c) => items[c.index].quoteId),
      );
      for (const { index, payment } of candidates) {
        if (inserted.has(payment.id)) outcomes[index] = created(index, payment);
      }

      // An item not created may name an externalRef that is already paid: by an earlier request
      // (a retry) or by a concurrent one we waited for. Then it is a replay or a conflict,
      // whatever its quote said.
      const notCreated = items
        .map((_, index) => index)
        .filter((index) => isRejected(outcomes[index]) || lost.some((c) => c.index === index));
      if (notCreated.length) {
        const known = await this.payments.findByExternalRefs(
          accountId,
          notCreated.map((i) => items[i].externalRef),
        );
        for (const index of notCreated) {
          const stored = known.get(items[index].externalRef);
          if (stored) outcomes[index] = replayOrConflict(index, items[index], stored);
        }
      }

      // Defensive: a key taken by a transaction that then rolled back would have let our insert
      // through, so this cannot happen; if it ever does, the client is told to retry, not paid twice.
      const final = outcomes.map(
        (outcome, index) =>
          outcome ??
          rejected(
            index,
            items[index],
            'concurrent-request',
            'a concurrent request used this externalRef; retry',
          ),
      );
      const rejections = final.filter(isRejected);
      if (atomic && rejections.length) throw atomicBatchRejected(rejections);
      return final;
    });
  }
}
