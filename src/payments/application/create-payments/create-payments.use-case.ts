import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { QuoteReservations } from '../../../quotes';
import { Clock } from '../../../shared/domain';
import { amountOutOfRange, PAYMENT_ERRORS, type Payment } from '../../domain';
import { PaymentsRepository } from '../../infrastructure/payments.repository';
import { assertAmountsFit } from './amount-fit';
import { atomicBatchRejected } from './atomic-batch-rejected';
import { created, createPayment, rejected, replayOrConflict, termsOf } from './batch-items';
import { fitBeneficiaries } from './beneficiary-fit';
import { assertNoDuplicateItems } from './duplicate-items';
import type { ItemOutcome, PaymentRequest, RejectedItem } from './payment-request';

const isRejected = (o: ItemOutcome | undefined): o is RejectedItem => o?.outcome === 'REJECTED';

/**
 * Creates a batch of payments in one transaction, in as few statements as the batch allows:
 * one locking read of the quotes, one update marking them used, one multi-row insert (plus the
 * outbox rows), and only for items not created, an update giving their quotes back and a lookup
 * of known externalRefs (ADR 0006). Items are independent unless `atomic`; then any rejection
 * rolls back all.
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
      // The quotes are read (and locked) first: their corridors decide whether the request is well
      // formed (amount decimals, beneficiary formats). A malformed one is refused here, before
      // any write. New payments are the common case, so the quotes are then marked used at once;
      // an externalRef that is already known shows up below as a refused quote or a skipped insert.
      const lock = await this.quotes.lock(
        accountId,
        items.map((item) => item.quoteId),
        now,
      );
      const checks = lock.checks;
      const termsAt = (i: number) => termsOf(checks.get(items[i].quoteId));
      assertAmountsFit(items, (i) => termsAt(i)?.currency);
      const fitted = fitBeneficiaries(items, termsAt);

      const candidates: { index: number; payment: Payment }[] = [];
      fitted.forEach((item, index) => {
        const check = checks.get(item.quoteId)!;
        if (!check.usable) {
          outcomes[index] = rejected(index, item, check.code, check.detail);
          return;
        }
        const payment = createPayment(accountId, index, item, check.quote, now);
        const outOfRange = amountOutOfRange(payment.amount, check.quote.rules);
        if (outOfRange)
          outcomes[index] = rejected(index, item, PAYMENT_ERRORS.amountOutOfRange, outOfRange);
        else candidates.push({ index, payment });
      });
      await lock.markUsed(candidates.map((c) => fitted[c.index].quoteId));
      const inserted = await this.payments.insertNew(candidates.map((c) => c.payment));
      const lost = candidates.filter((c) => !inserted.has(c.payment.id));
      await lock.release(lost.map((c) => fitted[c.index].quoteId));
      for (const { index, payment } of candidates) {
        if (inserted.has(payment.id)) outcomes[index] = created(index, payment);
      }

      // An item not created may name an externalRef that is already paid: by an earlier request
      // (a retry) or by a concurrent one we waited for. Then it is a replay or a conflict,
      // whatever its quote said.
      const notCreated = fitted
        .map((_, index) => index)
        .filter((index) => isRejected(outcomes[index]) || lost.some((c) => c.index === index));
      if (notCreated.length) {
        const known = await this.payments.findByExternalRefs(
          accountId,
          notCreated.map((i) => fitted[i].externalRef),
        );
        for (const index of notCreated) {
          const stored = known.get(fitted[index].externalRef);
          if (stored) outcomes[index] = replayOrConflict(index, fitted[index], stored);
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
            PAYMENT_ERRORS.concurrentRequest,
            'a concurrent request used this externalRef; retry',
          ),
      );
      const rejections = final.filter(isRejected);
      if (atomic && rejections.length) throw atomicBatchRejected(rejections);
      return final;
    });
  }
}
