import { OutboxRetryPolicy } from './outbox-retry-policy';

describe('OutboxRetryPolicy', () => {
  const policy = new OutboxRetryPolicy({ baseMs: 5_000, maxDelayMs: 3_600_000 });

  it('a failing event waits the base after its first failure', () => {
    expect(policy.delayMs(1)).toBe(5_000);
  });

  it('each further failure doubles the wait', () => {
    expect([2, 3, 4, 5].map((n) => policy.delayMs(n))).toEqual([10_000, 20_000, 40_000, 80_000]);
  });

  it('the wait never exceeds the cap, however many failures (never dropped, never faster)', () => {
    expect(policy.delayMs(11)).toBe(3_600_000);
    expect(policy.delayMs(1_000_000)).toBe(3_600_000);
  });

  it('refuses a failure count below one or not an integer', () => {
    expect(() => policy.delayMs(0)).toThrow(RangeError);
    expect(() => policy.delayMs(1.5)).toThrow(RangeError);
  });

  it('refuses a non-positive base or cap', () => {
    expect(() => new OutboxRetryPolicy({ baseMs: 0, maxDelayMs: 1 })).toThrow(RangeError);
    expect(() => new OutboxRetryPolicy({ baseMs: 1, maxDelayMs: Number.NaN })).toThrow(RangeError);
  });
});
