import { CountryCode, CurrencyCode, Money } from '../../shared/domain';
import { Quote } from './quote';

const inr = CurrencyCode.of('INR');
const now = new Date('2026-01-01T00:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const issue = (accountId = 'account-a') =>
  Quote.issue({
    accountId,
    currency: inr,
    country: CountryCode.of('IN'),
    fee: Money.parsePositive('25.00', inr),
    ttlSeconds: 60,
    now,
  });

describe('Quote', () => {
  it('is issued for the TTL, with its corridor fee, and unused', () => {
    const quote = issue();
    expect(quote.toView()).toMatchObject({
      currency: 'INR',
      country: 'IN',
      fee: { amount: '25.00', currency: 'INR' },
      createdAt: now.toISOString(),
      expiresAt: later(60_000).toISOString(),
    });
    expect(quote.usedAt).toBeNull();
  });

  it('is expired from its expiresAt on, to the millisecond', () => {
    const quote = issue();
    expect(quote.isExpiredAt(later(59_999))).toBe(false);
    expect(quote.isExpiredAt(later(60_000))).toBe(true);
  });

  it("another account's quote is not found", () => {
    expect(issue('account-b').reserve('account-a', now)).toBe('quote-not-found');
  });

  it('an expired quote pays for nothing', () => {
    const quote = issue();
    expect(quote.reserve('account-a', later(60_000))).toBe('quote-expired');
    expect(quote.usedAt).toBeNull();
  });

  it('single use: a reserved quote pays for exactly one payment', () => {
    const quote = issue();
    expect(quote.reserve('account-a', now)).toBeNull();
    expect(quote.usedAt).toEqual(now);
    expect(quote.reserve('account-a', now)).toBe('quote-already-used');
  });

  it('single use: a released quote can pay again', () => {
    const quote = issue();
    quote.reserve('account-a', now);
    quote.release();
    expect(quote.refusalFor('account-a', now)).toBeNull();
    expect(quote.reserve('account-a', now)).toBeNull();
  });
});
