import { parseRetryAfter, RETRY_JITTER, RetryPolicy } from './retry-policy';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const created = new Date('2025-01-01T00:00:00Z');

/** A policy whose "random" is fixed, so each wait is exact: 0 = shortest, 0.5 = nominal, 1 = longest. */
function policy(
  random: number,
  options = { baseMs: 10 * SECOND, maxDelayMs: 12 * HOUR, windowMs: 7 * DAY },
) {
  return new RetryPolicy(options, () => random);
}

function delayOf(p: RetryPolicy, failedAttempts: number, retryAfterMs?: number): number | null {
  const now = new Date(created.getTime() + 60 * SECOND);
  const at = p.nextAttemptAt({ eventCreatedAt: created, failedAttempts, now, retryAfterMs });
  return at && at.getTime() - now.getTime();
}

describe('RetryPolicy', () => {
  it('the n-th retry waits about base × 2^(n-1)', () => {
    const nominal = policy(0.5);
    expect([1, 2, 3, 4, 5].map((n) => delayOf(nominal, n))).toEqual(
      [10, 20, 40, 80, 160].map((s) => s * SECOND),
    );
  });

  it('delays are capped at the maximum', () => {
    expect(delayOf(policy(0.5), 14)).toBe(12 * HOUR);
    expect(delayOf(policy(1), 14)).toBe(12 * HOUR);
    expect(delayOf(policy(1), 1_000_000)).toBe(12 * HOUR);
  });

  it('jitter stays within its bounds', () => {
    expect(delayOf(policy(0), 3)).toBe(40 * SECOND * (1 - RETRY_JITTER));
    expect(delayOf(policy(0.999999), 3)).toBeLessThanOrEqual(40 * SECOND * (1 + RETRY_JITTER));
    const random = new RetryPolicy({
      baseMs: 10 * SECOND,
      maxDelayMs: 12 * HOUR,
      windowMs: 7 * DAY,
    });
    for (let i = 0; i < 1000; i++) {
      const delay = delayOf(random, 3)!;
      expect(delay).toBeGreaterThanOrEqual(32 * SECOND);
      expect(delay).toBeLessThanOrEqual(48 * SECOND);
    }
  });

  it('a later Retry-After is honoured', () => {
    expect(delayOf(policy(0.5), 1, 5 * 60 * SECOND)).toBe(5 * 60 * SECOND);
  });

  it('an earlier Retry-After does not shorten the backoff', () => {
    expect(delayOf(policy(0.5), 4, 1 * SECOND)).toBe(80 * SECOND);
  });

  it('no attempt is scheduled past the 7-day window', () => {
    const p = policy(1);
    const nearTheEnd = new Date(created.getTime() + 7 * DAY - 5 * SECOND);
    expect(
      p.nextAttemptAt({ eventCreatedAt: created, failedAttempts: 1, now: nearTheEnd }),
    ).toBeNull();
    const early = new Date(created.getTime() + HOUR);
    expect(
      p.nextAttemptAt({
        eventCreatedAt: created,
        failedAttempts: 1,
        now: early,
        retryAfterMs: 8 * DAY,
      }),
    ).toBeNull();
  });

  it.each([0, 0.5, 1])('the default schedule (random %p) ends within 7 days', (random) => {
    const p = policy(random);
    const attempts = [created];
    for (let next: Date | null = created; next;) {
      const now: Date = attempts[attempts.length - 1];
      next = p.nextAttemptAt({ eventCreatedAt: created, failedAttempts: attempts.length, now });
      if (next) attempts.push(next);
    }
    const last = attempts[attempts.length - 1].getTime();
    expect(last).toBeLessThanOrEqual(created.getTime() + 7 * DAY);
    // The window is used: the last attempt is within one maximum delay of its end.
    expect(last).toBeGreaterThan(created.getTime() + 7 * DAY - 12 * HOUR);
    expect(attempts.length).toBeGreaterThan(20);
    expect(attempts.length).toBeLessThan(40);
  });

  it('refuses nonsense settings and attempt counts', () => {
    expect(() => new RetryPolicy({ baseMs: 0, maxDelayMs: 1, windowMs: 1 })).toThrow(RangeError);
    expect(() => delayOf(policy(0.5), 0)).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2025-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120 * SECOND);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads the three HTTP-date forms as UTC', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60 * SECOND);
    expect(parseRetryAfter('Wednesday, 01-Jan-25 00:01:00 GMT', now)).toBe(60 * SECOND);
    expect(parseRetryAfter('Wed Jan  1 00:01:00 2025', now)).toBe(60 * SECOND);
  });

  it.each([undefined, '', 'soon', '-5', '1.5', '1e3', 'Jan 2025', 'Tue, 31 Dec 2024 23:59:00 GMT'])(
    'ignores %p (absent, garbage, negative or past)',
    (header) => expect(parseRetryAfter(header, now)).toBeUndefined(),
  );
});
