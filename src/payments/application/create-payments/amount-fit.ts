import {
  type CurrencyCode,
  DomainError,
  type FieldRefusal,
  Money,
  validationFailed,
} from '../../../shared/domain';
import { PAYMENT_ERRORS } from '../../domain';
import type { PaymentRequest } from './payment-request';

/**
 * Amount decimals depend on the quote's currency, so they can only be checked once the quotes are
 * read; a misfit is still a malformed request: 400, nothing written.
 */
export function assertAmountsFit(
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
        code: PAYMENT_ERRORS.invalidAmount,
        message: `payments[${index}].${error.message}`,
      });
    }
  });
  if (refusals.length) throw validationFailed(refusals);
}
