import { DomainError } from '../../shared/domain';
import { PAYMENT_ERRORS } from './payment-errors';
import { isTextWithin } from './text-length';

/**
 * Contract: at most 20 string keys, values of at most 500 characters. Key length is not in the
 * contract; 1..40 is Stripe's rule, kept so keys stay usable as labels. The DTO must match.
 */
export const PAYMENT_METADATA_LIMITS = Object.freeze({
  maxKeys: 20,
  keyMaxLength: 40,
  valueMaxLength: 500,
});

export type PaymentMetadata = Readonly<Record<string, string>>;

/**
 * Validates and copies client metadata. Absent, undefined, null and `{}` all become `{}`: a client
 * that drops an empty object on retry is retrying, not asking for a different payment.
 * The copy goes through Object.fromEntries, which defines own properties, so a JSON key such as
 * "__proto__" stays a plain key instead of replacing the object's prototype.
 */
export const normalizeMetadata = (input: unknown): PaymentMetadata => {
  if (input === undefined || input === null) return Object.freeze({});
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw invalid('metadata must be an object of string values');
  }
  const entries = Object.entries(input as Record<string, unknown>);
  const limits = PAYMENT_METADATA_LIMITS;
  if (entries.length > limits.maxKeys)
    throw invalid(`metadata must have at most ${limits.maxKeys} keys`);
  for (const [key, value] of entries) {
    if (!isTextWithin(key, 1, limits.keyMaxLength)) {
      throw invalid(`metadata keys must be 1 to ${limits.keyMaxLength} characters`);
    }
    if (!isTextWithin(value, 0, limits.valueMaxLength)) {
      throw invalid(
        `metadata.${key} must be a string of at most ${limits.valueMaxLength} characters`,
      );
    }
  }
  return Object.freeze(Object.fromEntries(entries) as Record<string, string>);
};

/** Same keys with the same values; the order of keys does not matter. */
export const sameMetadata = (a: PaymentMetadata, b: PaymentMetadata): boolean => {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
};

const invalid = (message: string): DomainError =>
  new DomainError('invalid', PAYMENT_ERRORS.invalidMetadata, message);
