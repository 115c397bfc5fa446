import { DomainError } from '../../shared/domain';
import { PAYMENT_ERRORS } from './payment-errors';
import { isTextWithin } from './text-length';

export const EXTERNAL_REF_MAX_LENGTH = 64;

/**
 * "Printable": no control, format, private-use, unassigned or lone-surrogate code points and no
 * separator other than the plain space. Such characters are invisible in logs and dashboards, so
 * two keys that look identical to a human could otherwise name two different payments.
 */
const PRINTABLE = /^(?:[^\p{C}\p{Z}]| )+$/u;

/**
 * The caller's idempotency key: 1..64 printable characters, unique per account, compared exactly
 * (never trimmed or case-folded), so the DTO and the domain can share this one predicate.
 */
export const isValidExternalRef = (value: unknown): value is string =>
  isTextWithin(value, 1, EXTERNAL_REF_MAX_LENGTH) && PRINTABLE.test(value);

export const assertValidExternalRef = (value: unknown): string => {
  if (!isValidExternalRef(value)) {
    throw new DomainError(
      'invalid',
      PAYMENT_ERRORS.invalidExternalRef,
      `externalRef must be 1 to ${EXTERNAL_REF_MAX_LENGTH} printable characters`,
    );
  }
  return value;
};
