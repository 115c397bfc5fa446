import type { CorridorRules, Money } from '../../shared/domain';

/**
 * A corridor's bounds on one payment's amount, both inclusive: a business rule of the item (its
 * request is well formed), so the item is rejected with `amount-out-of-range` like a quote rule.
 * Returns why the amount is out of range, or null when it is within.
 */
export function amountOutOfRange(
  amount: Money,
  limits: Pick<CorridorRules, 'minAmount' | 'maxAmount'>,
): string | null {
  const { minAmount: min, maxAmount: max } = limits;
  const code = amount.currency.code;
  if (min && amount.minor < min.minor) {
    return `amount ${amount.toDecimalString()} ${code} is below the corridor's minimum of ${min.toDecimalString()} ${code}`;
  }
  if (max && amount.minor > max.minor) {
    return `amount ${amount.toDecimalString()} ${code} is above the corridor's maximum of ${max.toDecimalString()} ${code}`;
  }
  return null;
}
