import { DomainError, Money, isUuid } from '../../shared/domain';
import { Beneficiary } from './beneficiary';
import { type PaymentErrorCode, PAYMENT_ERRORS } from './payment-errors';
import { PaymentMetadata, normalizeMetadata, sameMetadata } from './payment-metadata';
import { isTextWithin } from './text-length';

/** Contract limits of the optional free-text fields. */
export const PAYMENT_DETAILS_LIMITS = Object.freeze({
  referenceMaxLength: 140,
  purposeMaxLength: 64,
});

export interface PaymentDetailsProps {
  readonly quoteId: string;
  /** In the quote's currency: parse the request's amount with the quote's CurrencyCode. */
  readonly amount: Money;
  readonly beneficiary: Beneficiary;
  /** Absent, undefined and null mean "none"; an empty string is refused. */
  readonly reference?: string | null;
  readonly purpose?: string | null;
  /** Absent, undefined, null and `{}` mean "none". */
  readonly metadata?: Readonly<Record<string, string>> | null;
}

/** The normalized content: absent optional text is null, absent metadata is `{}`. */
export interface PaymentDetailsFields {
  readonly quoteId: string;
  readonly amount: Money;
  readonly beneficiary: Beneficiary;
  readonly reference: string | null;
  readonly purpose: string | null;
  readonly metadata: Record<string, string>;
}

/**
 * What the client asked to pay: the content that, under one `externalRef`, decides between a
 * replay (same content: return the stored payment) and `idempotency-conflict` (anything else).
 * Server-made facts (id, status, fee, timestamps) are deliberately not part of it.
 */
export class PaymentDetails {
  private constructor(
    readonly quoteId: string,
    readonly amount: Money,
    readonly beneficiary: Beneficiary,
    readonly reference: string | null,
    readonly purpose: string | null,
    private readonly meta: PaymentMetadata,
  ) {}

  static create(props: PaymentDetailsProps): PaymentDetails {
    if (!isUuid(props.quoteId)) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.invalidQuoteId,
        `quoteId ${String(props.quoteId)} is not a UUID`,
      );
    }
    if (props.amount.minor <= 0n) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.invalidAmount,
        'amount must be greater than 0',
      );
    }
    return new PaymentDetails(
      props.quoteId,
      props.amount,
      props.beneficiary,
      optionalText(
        props.reference,
        'reference',
        PAYMENT_DETAILS_LIMITS.referenceMaxLength,
        PAYMENT_ERRORS.invalidReference,
      ),
      optionalText(
        props.purpose,
        'purpose',
        PAYMENT_DETAILS_LIMITS.purposeMaxLength,
        PAYMENT_ERRORS.invalidPurpose,
      ),
      normalizeMetadata(props.metadata),
    );
  }

  /** A fresh copy, `{}` when the client sent none. */
  get metadata(): Record<string, string> {
    return { ...this.meta };
  }

  /** The fields as plain data, e.g. to spread into a PaymentState. */
  toFields(): PaymentDetailsFields {
    return {
      quoteId: this.quoteId,
      amount: this.amount,
      beneficiary: this.beneficiary,
      reference: this.reference,
      purpose: this.purpose,
      metadata: this.metadata,
    };
  }

  /**
   * Same content: amounts compare by value (minor units and currency, so "1250.5" and "1250.50"
   * are the same), text fields compare exactly, metadata ignores key order.
   */
  sameContentAs(other: PaymentDetails): boolean {
    return (
      this.quoteId === other.quoteId &&
      this.amount.equals(other.amount) &&
      this.beneficiary.equals(other.beneficiary) &&
      this.reference === other.reference &&
      this.purpose === other.purpose &&
      sameMetadata(this.meta, other.meta)
    );
  }
}

const optionalText = (
  value: string | null | undefined,
  field: string,
  max: number,
  code: PaymentErrorCode,
): string | null => {
  if (value === undefined || value === null) return null;
  if (!isTextWithin(value, 1, max)) {
    throw new DomainError('invalid', code, `${field} must be 1 to ${max} characters when present`);
  }
  return value;
};
