import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { QuoteReservations, type ReservationResult, type ReservedQuote } from '../../quotes';
import {
  Clock,
  type CurrencyCode,
  DomainError,
  type FieldRefusal,
  Money,
  validationFailed,
} from '../../shared/domain';
import { Beneficiary, Payment, PaymentDetails } from '../domain';
import { PaymentsRepository } from '../infrastructure/payments.repository';
import { atomicBatchRejected } from './atomic-batch-rejected';
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

      this.assertAmountsFit(
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

  /** Amount decimals depend on the quote's currency: a misfit is a malformed request (400, nothing written). */
  private assertAmountsFit(
    items: readonly PaymentRequest[],
    currencyAt: (index: number) => CurrencyCode | undefined,
  ): void {
    const refusals: FieldRefusal[] = [];
    items.forEach((item, index) => {
      const currency = currencyAt(index);
      if (!currency) return;
      try {
        Money.parsePositive(item.amount, currency);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusals.push({
          field: `payments[${index}].amount`,
          code: 'invalid-amount',
          message: `payments[${index}].${error.message}`,
        });
      }
    });
    if (refusals.length) throw validationFailed(refusals);
  }
}

function currencyOf(reservation: ReservationResult | undefined): CurrencyCode | undefined {
  if (!reservation) return undefined;
  return reservation.reserved ? reservation.quote.currency : reservation.currency;
}

function toDetails(item: PaymentRequest, currency: CurrencyCode): PaymentDetails {
  return PaymentDetails.create({
    quoteId: item.quoteId,
    amount: Money.parsePositive(item.amount, currency),
    beneficiary: Beneficiary.create(item.beneficiary),
    reference: item.reference,
    purpose: item.purpose,
    metadata: item.metadata,
  });
}

/** The DTO mirrors the domain's limits, so a refusal here is rare; it still names the item. */
function createPayment(
  accountId: string,
  index: number,
  item: PaymentRequest,
  quote: ReservedQuote,
  now: Date,
): Payment {
  try {
    return Payment.create({
      accountId,
      externalRef: item.externalRef,
      details: toDetails(item, quote.currency),
      quote,
      now,
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
    const refusal = {
      field: `payments[${index}]`,
      code: error.code,
      message: `payments[${index}]: ${error.message}`,
    };
    throw validationFailed([refusal]);
  }
}

function sameContent(item: PaymentRequest, stored: Payment): boolean {
  try {
    return stored.details.sameContentAs(toDetails(item, stored.currency));
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

function replayOrConflict(index: number, item: PaymentRequest, stored: Payment): ItemOutcome {
  if (sameContent(item, stored)) {
    return { index, externalRef: item.externalRef, outcome: 'REPLAYED', payment: stored.toView() };
  }
  return rejected(
    index,
    item,
    'idempotency-conflict',
    `externalRef ${item.externalRef} was already used for a payment with different content (${stored.id})`,
  );
}

const created = (index: number, payment: Payment): ItemOutcome => ({
  index,
  externalRef: payment.externalRef,
  outcome: 'CREATED',
  payment: payment.toView(),
});

const rejected = (
  index: number,
  item: PaymentRequest,
  code: string,
  detail: string,
): RejectedItem => ({
  index,
  externalRef: item.externalRef,
  outcome: 'REJECTED',
  error: { code, detail },
});
