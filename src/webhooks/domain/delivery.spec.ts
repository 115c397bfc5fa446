import { afterAttempt, Delivery, isDelivered, mayAskToWait } from './delivery';
import { type AttemptResult, ATTEMPT_ERROR_MAX, DeliveryAttempt } from './delivery-attempt';
import { RetryPolicy } from './retry-policy';

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;
const event = {
  id: '0193a1b2-c3e1-7d40-8e5f-6a7b8c9d0e1f',
  type: 'payment.paid',
  accountId: '0193a1b2-0000-7000-8000-000000000001',
  occurredAt: new Date('2026-12-01T00:00:00Z'),
};
const now = new Date('2026-12-01T00:01:00Z');
/** Nominal waits (no jitter): 10 s, 20 s, 40 s... within a 7-day window. */
const policy = new RetryPolicy(
  { baseMs: 10 * SECOND, maxDelayMs: DAY, windowMs: 7 * DAY },
  () => 0.5,
);
const answered = (statusCode: number | null, more: Partial<AttemptResult> = {}): AttemptResult => ({
  statusCode,
  durationMs: 12,
  error: null,
  ...more,
});
const after = (result: AttemptResult, attempts = 0, at = now) =>
  afterAttempt({ attempts, eventCreatedAt: event.occurredAt, result, now: at, policy });

describe('Delivery: what an attempt means', () => {
  it('only an HTTP 200 that arrived whole is delivered', () => {
    expect(isDelivered(answered(200))).toBe(true);
    expect(isDelivered(answered(200, { error: 'response body cut off' }))).toBe(false);
    for (const code of [201, 202, 204, 400, 500]) expect(isDelivered(answered(code))).toBe(false);
    expect(isDelivered(answered(null, { error: 'ECONNREFUSED' }))).toBe(false);
    expect(after(answered(200))).toEqual({ status: 'DELIVERED', attempts: 1, nextAttemptAt: null });
  });

  it('a redirect is a failure, retried like any other', () => {
    for (const code of [301, 302, 307, 308]) {
      expect(isDelivered(answered(code))).toBe(false);
      expect(after(answered(code))).toEqual({
        status: 'PENDING',
        attempts: 1,
        nextAttemptAt: new Date(now.getTime() + 10 * SECOND),
      });
    }
  });

  it('Retry-After is honoured only on a 429 or a 503', () => {
    expect([429, 503, 500, 502, 200, null].map(mayAskToWait)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    const hour = 3600 * SECOND;
    expect(after(answered(429, { retryAfterMs: hour })).nextAttemptAt).toEqual(
      new Date(now.getTime() + hour),
    );
    expect(after(answered(503, { retryAfterMs: hour })).nextAttemptAt).toEqual(
      new Date(now.getTime() + hour),
    );
    expect(after(answered(500, { retryAfterMs: hour })).nextAttemptAt).toEqual(
      new Date(now.getTime() + 10 * SECOND),
    );
  });

  it('attempts count up by one per attempt, delivered or not', () => {
    expect(after(answered(500), 0).attempts).toBe(1);
    expect(after(answered(500), 4).attempts).toBe(5);
    expect(after(answered(200), 7).attempts).toBe(8);
  });

  it('the backoff doubles with each failed attempt', () => {
    const waits = [0, 1, 2, 3].map(
      (attempts) => after(answered(500), attempts).nextAttemptAt!.getTime() - now.getTime(),
    );
    expect(waits).toEqual([10, 20, 40, 80].map((s) => s * SECOND));
  });

  it('is given up (FAILED) once the next attempt would fall past the retry window', () => {
    const lastMinute = new Date(event.occurredAt.getTime() + 7 * DAY - 5 * SECOND);
    expect(after(answered(500), 30, lastMinute)).toEqual({
      status: 'FAILED',
      attempts: 31,
      nextAttemptAt: null,
    });
    const early = new Date(event.occurredAt.getTime() + 7 * DAY - 20 * SECOND);
    expect(after(answered(500), 0, early).status).toBe('PENDING');
  });
});

describe('Delivery: creation and the log', () => {
  it('a delivery to an ACTIVE subscription is due now; to one that is not, it waits parked', () => {
    const due = Delivery.of(event, { id: 'sub-1', isActive: true }, '{}', now);
    expect(due).toMatchObject({
      subscriptionId: 'sub-1',
      eventId: event.id,
      eventType: 'payment.paid',
      accountId: event.accountId,
      eventCreatedAt: event.occurredAt,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: now,
      manualRetry: false,
    });
    expect(
      Delivery.of(event, { id: 'sub-2', isActive: false }, '{}', now).nextAttemptAt,
    ).toBeNull();
  });

  it('shows its next attempt only while PENDING, with its attempts as given (oldest first)', () => {
    const delivery = Delivery.of(event, { id: 'sub-1', isActive: true }, '{}', now);
    const first = DeliveryAttempt.of(delivery.id, now, answered(500));
    expect(delivery.toView([first])).toEqual({
      id: delivery.id,
      eventId: event.id,
      eventType: 'payment.paid',
      status: 'PENDING',
      attempts: [{ attemptedAt: now.toISOString(), statusCode: 500, durationMs: 12, error: null }],
      nextAttemptAt: now.toISOString(),
      createdAt: now.toISOString(),
      deliveredAt: null,
    });
    // As the ORM loads a stored one: from the prototype, without the constructor.
    const finished = Object.assign(Object.create(Delivery.prototype) as Delivery, delivery, {
      status: 'FAILED',
    });
    expect(finished.toView([]).nextAttemptAt).toBeNull();
  });

  it('an attempt keeps whole milliseconds and at most 500 characters of its error', () => {
    const attempt = DeliveryAttempt.of('d-1', now, {
      statusCode: null,
      durationMs: 1234.56,
      error: 'x'.repeat(ATTEMPT_ERROR_MAX + 10),
    });
    expect(attempt.durationMs).toBe(1235);
    expect(attempt.error).toHaveLength(ATTEMPT_ERROR_MAX);
  });
});
