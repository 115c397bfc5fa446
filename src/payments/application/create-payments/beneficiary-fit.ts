import type { QuoteTerms } from '../../../quotes';
import { type FieldRefusal, validationFailed } from '../../../shared/domain';
import { checkBeneficiary } from '../../domain';
import type { PaymentRequest } from './payment-request';

/**
 * A beneficiary's format rules depend on its quote's corridor, so they are checked once the
 * quotes are read and before anything is written; a misfit is a malformed request: 400 naming
 * `payments[i].beneficiary.<field>`, nothing written. Returns the items with each beneficiary in
 * its stored (normalised) form, the form replays are compared in.
 */
export function fitBeneficiaries(
  items: readonly PaymentRequest[],
  termsAt: (index: number) => QuoteTerms | undefined,
): PaymentRequest[] {
  const refusals: FieldRefusal[] = [];
  const fitted = items.map((item, index) => {
    const terms = termsAt(index);
    if (!terms) return item;
    const check = checkBeneficiary(
      item.beneficiary,
      terms.rules.beneficiaryRequirements,
      terms.country.code,
    );
    for (const r of check.refusals) {
      refusals.push({
        ...r,
        field: `payments[${index}].${r.field}`,
        message: `payments[${index}].${r.message}`,
      });
    }
    return { ...item, beneficiary: check.beneficiary };
  });
  if (refusals.length) throw validationFailed(refusals);
  return fitted;
}
