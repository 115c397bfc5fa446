import { CurrencyCode, Money, newId } from '../../shared/domain';
import { Beneficiary } from './beneficiary';
import { PaymentDetails, PaymentDetailsProps } from './payment-details';

const USD = CurrencyCode.of('USD');
const quoteId = newId();
const props: PaymentDetailsProps = {
  quoteId,
  amount: Money.parsePositive('1250.50', USD),
  beneficiary: Beneficiary.create({ name: 'Asha Rao', accountNumber: '50100012345678' }),
  reference: 'Invoice 8812',
  purpose: 'SUPPLIER_PAYMENT',
  metadata: { orderId: '8812', channel: 'web' },
};
const details = (overrides: Partial<PaymentDetailsProps> = {}): PaymentDetails =>
  PaymentDetails.create({ ...props, ...overrides });
const sameContent = (a: Partial<PaymentDetailsProps>, b: Partial<PaymentDetailsProps>): boolean =>
  details(a).sameContentAs(details(b));

describe('PaymentDetails: the content that decides REPLAYED vs idempotency-conflict', () => {
  it('identical content is the same content', () => {
    expect(sameContent({}, {})).toBe(true);
  });

  it('replay content ignores metadata key order', () => {
    expect(
      sameContent(
        { metadata: { orderId: '8812', channel: 'web' } },
        { metadata: { channel: 'web', orderId: '8812' } },
      ),
    ).toBe(true);
  });

  it('a different amount is a different content', () => {
    expect(sameContent({}, { amount: Money.parsePositive('1250.51', USD) })).toBe(false);
  });

  it('the same amount written differently is the same content', () => {
    expect(sameContent({ amount: Money.parsePositive('1250.5', USD) }, {})).toBe(true);
  });

  it('the same minor units in another currency are a different content', () => {
    const inr = Money.ofMinor(125050n, CurrencyCode.of('INR'));
    expect(sameContent({}, { amount: inr })).toBe(false);
  });

  it.each<[string, Partial<PaymentDetailsProps>]>([
    ['quote', { quoteId: newId() }],
    [
      'beneficiary',
      { beneficiary: Beneficiary.create({ name: 'Asha Rao', accountNumber: '50100012345679' }) },
    ],
    ['reference', { reference: 'Invoice 8813' }],
    ['missing reference', { reference: null }],
    ['purpose', { purpose: 'SALARY' }],
    ['missing purpose', { purpose: undefined }],
    ['metadata value', { metadata: { orderId: '8813', channel: 'web' } }],
    ['metadata with an extra key', { metadata: { orderId: '8812', channel: 'web', x: '' } }],
    ['metadata with a key missing', { metadata: { orderId: '8812' } }],
    ['no metadata', { metadata: null }],
  ])('a different %s is a different content', (_, change) => {
    expect(sameContent({}, change)).toBe(false);
    expect(sameContent(change, {})).toBe(false);
  });

  it('absent, undefined, null and empty metadata are the same content', () => {
    const { quoteId: q, amount, beneficiary, reference, purpose } = props;
    const withoutMetadata = { quoteId: q, amount, beneficiary, reference, purpose };
    const variants = [
      withoutMetadata,
      { ...props, metadata: undefined },
      { ...props, metadata: null },
      { ...props, metadata: {} },
    ];
    for (const a of variants)
      for (const b of variants)
        expect(PaymentDetails.create(a).sameContentAs(PaymentDetails.create(b))).toBe(true);
    expect(PaymentDetails.create(withoutMetadata).metadata).toEqual({});
  });

  it('absent, undefined and null reference or purpose are the same content', () => {
    expect(
      sameContent({ reference: undefined, purpose: undefined }, { reference: null, purpose: null }),
    ).toBe(true);
    expect(details({ reference: undefined }).reference).toBeNull();
  });

  it('a reference has 1 to 140 characters when present', () => {
    expect(details({ reference: 'r'.repeat(140) }).reference).toHaveLength(140);
    expect(() => details({ reference: 'r'.repeat(141) })).toThrow(
      expect.objectContaining({ code: 'invalid-reference' }),
    );
    expect(() => details({ reference: '' })).toThrow(
      expect.objectContaining({ code: 'invalid-reference' }),
    );
  });

  it('a purpose has 1 to 64 characters when present', () => {
    expect(details({ purpose: 'p'.repeat(64) }).purpose).toHaveLength(64);
    expect(() => details({ purpose: 'p'.repeat(65) })).toThrow(
      expect.objectContaining({ code: 'invalid-purpose' }),
    );
  });

  it('metadata has at most 20 keys of 1 to 40 characters with values of at most 500', () => {
    const keys = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(Object.keys(details({ metadata: keys(20) }).metadata)).toHaveLength(20);
    expect(
      details({ metadata: { ['k'.repeat(40)]: 'v'.repeat(500), empty: '' } }).metadata.empty,
    ).toBe('');
    for (const bad of [keys(21), { ['k'.repeat(41)]: 'v' }, { '': 'v' }, { k: 'v'.repeat(501) }]) {
      expect(() => details({ metadata: bad })).toThrow(
        expect.objectContaining({ kind: 'invalid', code: 'invalid-metadata' }),
      );
    }
  });

  it('metadata values must be strings', () => {
    const numeric = { orderId: 8812 } as unknown as Record<string, string>;
    expect(() => details({ metadata: numeric })).toThrow(
      expect.objectContaining({ code: 'invalid-metadata' }),
    );
    expect(() => details({ metadata: ['a'] as unknown as Record<string, string> })).toThrow(
      /metadata/,
    );
  });

  it('a "__proto__" metadata key stays a plain key', () => {
    const parsed = JSON.parse('{"__proto__": "x", "orderId": "8812"}') as Record<string, string>;
    const metadata = details({ metadata: parsed }).metadata;
    expect(Object.keys(metadata).sort()).toEqual(['__proto__', 'orderId']);
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
  });

  it('metadata is copied: changing the input or the output later changes nothing', () => {
    const input: Record<string, string> = { orderId: '8812' };
    const created = details({ metadata: input });
    input.orderId = 'changed';
    created.metadata.orderId = 'changed too';
    expect(created.metadata).toEqual({ orderId: '8812' });
  });

  it('a quote id must be a UUID', () => {
    expect(() => details({ quoteId: 'q-1' })).toThrow(
      expect.objectContaining({ code: 'invalid-quote-id' }),
    );
  });

  it('an amount must be greater than zero', () => {
    expect(() => details({ amount: Money.ofMinor(0n, USD) })).toThrow(
      expect.objectContaining({ code: 'invalid-amount' }),
    );
  });
});
