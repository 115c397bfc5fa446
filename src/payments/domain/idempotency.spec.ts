import { Money } from '../../shared/domain';
import { idempotencyConflictDetail, idempotentOutcome } from './idempotency';
import { PaymentDetails } from './payment-details';
import { detailsFor, newPayment, quote } from './payment.spec-fixtures';

describe('idempotency: same externalRef, same content → replay; other content → conflict', () => {
  const terms = quote();
  const stored = newPayment(terms, { reference: 'Invoice 8812', metadata: { a: '1', b: '2' } });

  it('the same content is a replay (amount by value, metadata in any key order)', () => {
    const same = () =>
      detailsFor(terms, {
        reference: 'Invoice 8812',
        metadata: { b: '2', a: '1' },
        amount: Money.parsePositive('1250.5', terms.currency),
      });
    expect(idempotentOutcome(stored, same)).toBe('replay');
  });

  it.each<[string, Parameters<typeof detailsFor>[1]]>([
    ['another amount', { amount: Money.parsePositive('1250.51', terms.currency) }],
    ['another reference', { reference: 'Invoice 8813' }],
    ['no reference', { reference: null }],
    ['other metadata', { metadata: { a: '1' } }],
  ])('other content is a conflict: %s', (_, change) => {
    const other = () =>
      detailsFor(terms, { reference: 'Invoice 8812', metadata: { a: '1', b: '2' }, ...change });
    expect(idempotentOutcome(stored, other)).toBe('conflict');
  });

  it('content that cannot be read as payment details is a conflict, not an error', () => {
    const unreadable = () => detailsFor(terms, { amount: Money.ofMinor(0n, terms.currency) });
    expect(idempotentOutcome(stored, unreadable)).toBe('conflict');
  });

  it('a bug while reading the content is not hidden as a conflict', () => {
    const broken = (): PaymentDetails => {
      throw new TypeError('bug');
    };
    expect(() => idempotentOutcome(stored, broken)).toThrow(TypeError);
  });

  it('the conflict names the externalRef and the stored payment', () => {
    expect(idempotencyConflictDetail(stored)).toBe(
      `externalRef order-8812 was already used for a payment with different content (${stored.id})`,
    );
  });
});
