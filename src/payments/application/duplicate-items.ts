import { type FieldRefusal, validationFailed } from '../../shared/domain';
import type { PaymentRequest } from './payment-request';

/**
 * One request may not name an externalRef or a quoteId twice: the second item could never be
 * anything but a conflict with the first, so the request is malformed as a whole.
 */
export function assertNoDuplicateItems(items: readonly PaymentRequest[]): void {
  const refusals: FieldRefusal[] = [];
  for (const key of ['externalRef', 'quoteId'] as const) {
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const first = firstIndex.get(item[key]);
      if (first === undefined) firstIndex.set(item[key], index);
      else
        refusals.push({
          field: `payments[${index}].${key}`,
          code: `duplicate-${key === 'externalRef' ? 'external-ref' : 'quote-id'}`,
          message: `payments[${index}].${key} repeats payments[${first}].${key}`,
        });
    });
  }
  if (refusals.length) throw validationFailed(refusals);
}
