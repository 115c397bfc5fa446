import { type FieldRefusal, validationFailed } from '../../../shared/domain';
import { PAYMENT_ERRORS } from '../../domain';
import type { PaymentRequest } from './payment-request';

const CODES = {
  externalRef: PAYMENT_ERRORS.duplicateExternalRef,
  quoteId: PAYMENT_ERRORS.duplicateQuoteId,
} as const;

/**
 * One request may not name an externalRef or a quoteId twice: the second item could never be
 * anything but a conflict with the first, so the request is malformed as a whole. Every item
 * that shares a value is named, the first one included.
 */
export function assertNoDuplicateItems(items: readonly PaymentRequest[]): void {
  const refusals: FieldRefusal[] = [];
  for (const key of ['externalRef', 'quoteId'] as const) {
    const indexesByValue = new Map<string, number[]>();
    items.forEach((item, index) =>
      indexesByValue.set(item[key], [...(indexesByValue.get(item[key]) ?? []), index]),
    );
    for (const indexes of indexesByValue.values()) {
      if (indexes.length < 2) continue;
      const fields = indexes.map((i) => `payments[${i}].${key}`);
      for (const field of fields) {
        refusals.push({
          field,
          code: CODES[key],
          message: `${field}: the same ${key} is in ${fields.join(', ')}`,
        });
      }
    }
  }
  if (refusals.length) throw validationFailed(refusals);
}
