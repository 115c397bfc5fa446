import { DomainError } from '../../shared/domain';
import { Subscription } from './subscription';

const created = new Date('2026-12-01T00:00:00Z');
const later = new Date('2026-12-01T01:00:00Z');
const newSubscription = () =>
  Subscription.create({ accountId: 'acc', callbackUrl: 'https://a.example/h', now: created });

function refusal(work: () => unknown): { fields: string[] } {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError)
      return { fields: (error.fieldErrors ?? []).map((f) => f.field) };
    throw error;
  }
  throw new Error('not refused');
}

describe('Subscription', () => {
  it('starts ACTIVE without a description, a rate limit or a disabled reason', () => {
    const view = newSubscription().toView();
    expect(view).toMatchObject({
      status: 'ACTIVE',
      description: null,
      rateLimitPerSecond: null,
      disabledReason: null,
      updatedAt: created.toISOString(),
    });
  });

  it('pausing stops deliveries and resuming wakes them', () => {
    const s = newSubscription();
    expect(s.update({ status: 'PAUSED' }, later)).toBe('stopped');
    expect(s.isActive).toBe(false);
    expect(s.update({ status: 'PAUSED' }, later)).toBe('none');
    expect(s.update({ status: 'ACTIVE' }, later)).toBe('resumed');
    expect(s.toView().updatedAt).toBe(later.toISOString());
  });

  it('an owner re-enables a DISABLED subscription, and the reason is cleared', () => {
    const s = Subscription.restore({
      ...newSubscription().snapshot,
      status: 'DISABLED',
      disabledReason: 'the receiver answered 410 Gone',
    });
    expect(s.update({ status: 'ACTIVE' }, later)).toBe('resumed');
    expect(s.toView()).toMatchObject({ status: 'ACTIVE', disabledReason: null });
  });

  it('a paused or disabled subscription still wants its event types (its deliveries wait)', () => {
    const s = newSubscription();
    s.update({ status: 'PAUSED', eventTypes: ['payment.paid'] }, later);
    expect(s.wants('payment.paid')).toBe(true);
    expect(s.wants('payment.created')).toBe(false);
  });

  it('null clears the description and the rate limit', () => {
    const s = newSubscription();
    s.update({ description: 'orders', rateLimitPerSecond: 5 }, later);
    expect(s.toView()).toMatchObject({ description: 'orders', rateLimitPerSecond: 5 });
    s.update({ description: null, rateLimitPerSecond: null }, later);
    expect(s.toView()).toMatchObject({ description: null, rateLimitPerSecond: null });
  });

  it('refuses empty or unknown event types, a long description and an out-of-range rate limit, naming each field and changing nothing', () => {
    const s = newSubscription();
    const before = s.toView();
    expect(
      refusal(() =>
        s.update({ eventTypes: [], description: 'x'.repeat(257), rateLimitPerSecond: 1001 }, later),
      ),
    ).toEqual({ fields: ['eventTypes', 'description', 'rateLimitPerSecond'] });
    expect(refusal(() => s.update({ eventTypes: ['payment.exploded'] }, later))).toEqual({
      fields: ['eventTypes'],
    });
    expect(refusal(() => s.update({ rateLimitPerSecond: 0 }, later))).toEqual({
      fields: ['rateLimitPerSecond'],
    });
    expect(refusal(() => s.update({ rateLimitPerSecond: 1.5 }, later))).toEqual({
      fields: ['rateLimitPerSecond'],
    });
    expect(s.toView()).toEqual(before);
  });
});
