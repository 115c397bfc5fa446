import { CurrencyCode, Money } from '../../shared/domain';
import { amountOutOfRange } from './amount-limits';

const inr = CurrencyCode.of('INR');
const money = (value: string) => Money.parsePositive(value, inr);
const limits = { minAmount: money('100.00'), maxAmount: money('10000000.00') };

describe('amountOutOfRange', () => {
  it('both limits are inclusive', () => {
    expect(amountOutOfRange(money('100.00'), limits)).toBeNull();
    expect(amountOutOfRange(money('10000000.00'), limits)).toBeNull();
  });

  it('an amount below the minimum is out of range, by one minor unit already', () => {
    expect(amountOutOfRange(money('99.99'), limits)).toBe(
      "amount 99.99 INR is below the corridor's minimum of 100.00 INR",
    );
  });

  it('an amount above the maximum is out of range, by one minor unit already', () => {
    expect(amountOutOfRange(money('10000000.01'), limits)).toMatch(/above the corridor's maximum/);
  });

  it('a corridor without limits takes any amount', () => {
    expect(amountOutOfRange(money('0.01'), { minAmount: null, maxAmount: null })).toBeNull();
  });
});
