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
      const known = await this.payments.findByExternalRefs(
        accountId,
        items.map((i) => i.externalRef),
      );
      const fresh = items
        .map((_, index) => index)
        .filter((index) => !known.has(items[index].externalRef));
      const reservations = await this.quotes.reserve(
        accountId,
        fresh.map((i) => items[i].quoteId),
        now,
      );

      assertAmountsFit(
        items,
        (i) =>
          known.get(items[i].externalRef)?.currency ??
          currencyOf(reservations.get(items[i].quoteId)),
      );

      items.forEach((item, index) => {
        const stored = known.get(item.externalRef);
        if (stored) outcomes[index] = replayOrConflict(index, item, stored);
      });
      const candidates: { index: number; payment: Payment }[] = [];
      for (const index of fresh) {
        const reservation = reservations.get(items[index].quoteId)!;
        if (!reservation.reserved) {
          outcomes[index] = rejected(index, items[index], reservation.code, reservation.detail);
          continue;
        }
        candidates.push({
          index,
          payment: createPayment(accountId, index, items[index], reservation.quote, now),
        });
      }

      const inserted = await this.payments.insertNew(candidates.map((c) => c.payment));
      const lost = candidates.filter((c) => !inserted.has(c.payment.id));
      await this.quotes.release(
        accountId,
        lost.map((c) => items[c.index].quoteId),
      );
      for (const { index, payment } of candidates)
        if (inserted.has(payment.id)) outcomes[index] = created(index, payment);

      // A concurrent request with the same externalRef may have won the race for the key or for the
      // quote: it has committed by now (we waited on its locks), so read its payment and replay it.
      const contested = [
        ...lost.map((c) => c.index),
        ...fresh.filter(
          (i) => isRejected(outcomes[i]) && outcomes[i].error.code === 'quote-already-used',
        ),
      ];
      if (contested.length) {
        const winners = await this.payments.findByExternalRefs(
          accountId,
          contested.map((i) => items[i].externalRef),
        );
        for (const index of contested) {
          const winner = winners.get(items[index].externalRef);
          if (winner) outcomes[index] = replayOrConflict(index, items[index], winner);
        }
      }

      const final = outcomes as ItemOutcome[];
      const rejections = final.filter(isRejected);
      if (atomic && rejections.length) throw atomicBatchRejected(rejections);
      return final;
    });
  }
}
