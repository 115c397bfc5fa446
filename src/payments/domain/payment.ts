import {
  AggregateRoot,
  CountryCode,
  CurrencyCode,
  DomainError,
  Money,
  isUuid,
  newId,
} from '../../shared/domain';
import { Beneficiary } from './beneficiary';
import { PAYMENT_ERRORS } from './payment-errors';
import { assertValidExternalRef } from './external-ref';
import { assertValidFailureReason } from './failure-reason';
import { PaymentDetails } from './payment-details';
import { PaymentEvent, paymentEventTypeFor } from './payment-events';
import { PaymentQuoteTerms, assertDetailsMatchQuote } from './payment-quote-terms';
import { PaymentState, assertConsistentPaymentState, isValidDate } from './payment-state';
import { PaymentStatus, canTransition, isPaymentStatus } from './payment-status';
import { PaymentView, toPaymentView } from './payment-view';

export interface CreatePaymentInput {
  /** Defaults to a new UUID v7. */
  readonly id?: string;
  readonly accountId: string;
  readonly externalRef: string;
  readonly details: PaymentDetails;
  readonly quote: PaymentQuoteTerms;
  readonly now: Date;
}

/**
 * A payout to one beneficiary. Its status moves only through the lifecycle table; every move
 * bumps `version` and records one event carrying the payment as it is after the move, which the
 * repository writes to the outbox in the same transaction as the row.
 *
 * The fields are what is stored: the ORM maps this class itself (value objects through custom
 * types) and rebuilds a stored payment without calling the constructor.
 */
export class Payment extends AggregateRoot {
  readonly id: string;
  readonly accountId: string;
  readonly externalRef: string;
  readonly quoteId: string;
  readonly currency: CurrencyCode;
  readonly country: CountryCode;
  readonly beneficiary: Beneficiary;
  readonly reference: string | null;
  readonly purpose: string | null;
  private readonly amountMinor: bigint;
  /** The quote's fee, in the payment's currency; may be zero. */
  private readonly feeMinor: bigint;
  private readonly meta: Record<string, string>;
  private current: PaymentStatus;
  private reason: string | null;
  private revision: number;
  private readonly created: Date;
  private changed: Date;
  /** null until first written; undefined when the ORM rebuilt it (then it is the row's version). */
  private storedVersion?: number | null;

  private constructor(state: PaymentState, storedVersion: number | null) {
    super();
    if (!isUuid(state.id) || !isUuid(state.accountId)) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.invalidId,
        'payment and account ids must be UUIDs',
      );
    }
    if (!isPaymentStatus(state.status)) throw new Error(`payment ${state.id}: unknown status`);
    assertConsistentPaymentState(state);
    const details = PaymentDetails.create(state);
    this.id = state.id;
    this.accountId = state.accountId;
    this.externalRef = assertValidExternalRef(state.externalRef);
    this.quoteId = details.quoteId;
    this.currency = details.amount.currency;
    this.country = state.country;
    this.beneficiary = details.beneficiary;
    this.reference = details.reference;
    this.purpose = details.purpose;
    this.amountMinor = details.amount.minor;
    this.feeMinor = state.fee.minor;
    this.meta = details.metadata;
    this.current = state.status;
    this.reason = state.failureReason;
    this.revision = state.version;
    this.created = copy(state.createdAt);
    this.changed = copy(state.updatedAt);
    this.storedVersion = storedVersion;
  }

  /**
   * A new PENDING payment at version 1 in its quote's currency and country;
   * records `payment.created`.
   */
  static create(input: CreatePaymentInput): Payment {
    const { details, quote } = input;
    assertDetailsMatchQuote(details, quote);
    const now = time(input.now);
    const payment = new Payment(
      {
        id: input.id ?? newId(),
        accountId: input.accountId,
        externalRef: input.externalRef,
        ...details.toFields(),
        country: quote.country,
        fee: quote.fee,
        status: 'PENDING',
        failureReason: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      null,
    );
    payment.recordChange(now);
    return payment;
  }

  /** Rebuilds a stored payment: records nothing, and remembers its version for the optimistic lock. */
  static restore(state: PaymentState): Payment {
    return new Payment(state, state.version);
  }

  /** PENDING → PROCESSING: the payout provider has taken the payment. */
  markProcessing(now: Date): void {
    this.moveTo('PROCESSING', null, now);
  }

  /** PROCESSING → PAID: the beneficiary has been credited. */
  markPaid(now: Date): void {
    this.moveTo('PAID', null, now);
  }

  /** PROCESSING → FAILED, with the reason shown to the client (1..500 characters, not blank). */
  markFailed(reason: string, now: Date): void {
    this.moveTo('FAILED', assertValidFailureReason(reason), now);
  }

  /** PENDING → CANCELLED: only while the payout has not started. */
  cancel(now: Date): void {
    this.moveTo('CANCELLED', null, now);
  }

  /** The one transition guard: every status change passes the lifecycle table here. */
  private moveTo(next: PaymentStatus, failureReason: string | null, now: Date): void {
    const at = time(now);
    const status = this.current;
    if (!canTransition(status, next)) {
      throw new DomainError(
        'conflict',
        PAYMENT_ERRORS.invalidState,
        `payment ${this.id} is ${status} and cannot move to ${next}`,
      );
    }
    if (this.storedVersion === undefined) this.storedVersion = this.revision;
    this.current = next;
    this.reason = failureReason;
    this.revision += 1;
    this.changed = at;
    this.recordChange(at);
  }

  private recordChange(at: Date): void {
    const event: PaymentEvent = {
      id: newId(),
      type: paymentEventTypeFor(this.status),
      aggregateId: this.id,
      accountId: this.accountId,
      occurredAt: copy(at),
      payload: this.toView(),
    };
    this.record(event);
  }

  /** Only PaymentEvents are ever recorded here, so the narrower type is safe. */
  override pullEvents(): PaymentEvent[] {
    return super.pullEvents() as PaymentEvent[];
  }

  /**
   * The version of the stored row, null until first written. The repository INSERTs when null, else
   * `UPDATE ... SET version = :version WHERE id = :id AND version = :persistedVersion`; no row
   * updated means another writer moved the payment first: reload it and decide again.
   */
  get persistedVersion(): number | null {
    return this.storedVersion === undefined ? this.revision : this.storedVersion;
  }

  /** Called by the repository once the row is written, so that a later save expects that version. */
  markPersisted(): void {
    this.storedVersion = this.revision;
  }

  get status(): PaymentStatus {
    return this.current;
  }

  get failureReason(): string | null {
    return this.reason;
  }

  get version(): number {
    return this.revision;
  }

  get amount(): Money {
    return Money.ofMinor(this.amountMinor, this.currency);
  }

  get fee(): Money {
    return Money.ofMinor(this.feeMinor, this.currency);
  }

  /** A fresh copy, `{}` when the client sent none. */
  get metadata(): Record<string, string> {
    return { ...this.meta };
  }

  /** The client's content (quoteId, amount, beneficiary, reference, purpose, metadata). */
  get details(): PaymentDetails {
    return PaymentDetails.create({
      quoteId: this.quoteId,
      amount: this.amount,
      beneficiary: this.beneficiary,
      reference: this.reference,
      purpose: this.purpose,
      metadata: this.meta,
    });
  }

  get createdAt(): Date {
    return copy(this.created);
  }

  get updatedAt(): Date {
    return copy(this.changed);
  }

  /** A snapshot for storage: plain data and immutable value objects, dates copied. */
  toState(): PaymentState {
    return {
      id: this.id,
      accountId: this.accountId,
      externalRef: this.externalRef,
      ...this.details.toFields(),
      country: this.country,
      fee: this.fee,
      status: this.current,
      failureReason: this.reason,
      version: this.revision,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
    };
  }

  toView(): PaymentView {
    return toPaymentView(this.toState());
  }
}

const copy = (date: Date): Date => new Date(date.getTime());

/** `now` comes from the Clock port: an invalid date is a bug, never client input. */
const time = (now: Date): Date => {
  if (!isValidDate(now)) throw new TypeError('now must be a valid Date');
  return copy(now);
};
