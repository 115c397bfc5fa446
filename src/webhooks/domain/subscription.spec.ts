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

  describe('secret rotation', () => {
    const hour = 3600_000;

    it('the previous secret signs too until the overlap ends, then only the new one', () => {
      const s = newSubscription();
      const old = s.secret;
      const answer = s.rotateSecret({ overlapSeconds: 3600 }, later);
      expect(answer).toEqual({
        secret: s.secret,
        previousSecretExpiresAt: new Date(later.getTime() + hour).toISOString(),
      });
      expect(s.signingSecrets(new Date(later.getTime() + hour - 1))).toEqual([s.secret, old]);
      expect(s.signingSecrets(new Date(later.getTime() + hour))).toEqual([s.secret]);
    });

    it('the overlap is a day by default; 0 ends the old secret at once', () => {
      const s = newSubscription();
      expect(s.rotateSecret({}, later).previousSecretExpiresAt).toBe(
        new Date(later.getTime() + 24 * hour).toISOString(),
      );
      s.rotateSecret({ overlapSeconds: 0 }, later);
      expect(s.signingSecrets(later)).toEqual([s.secret]);
    });

    it('a second rotation during an overlap ends the older one: two secrets sign, never three', () => {
      const s = newSubscription();
      const first = s.secret;
      s.rotateSecret({ overlapSeconds: 3600 }, later);
      const second = s.secret;
      s.rotateSecret({ overlapSeconds: 3600 }, later);
      expect(s.signingSecrets(later)).toEqual([s.secret, second]);
      expect(s.signingSecrets(later)).not.toContain(first);
    });

    it('never shows a secret in the view', () => {
      const s = newSubscription();
      s.rotateSecret({ overlapSeconds: 60 }, later);
      expect(JSON.stringify(s.toView())).not.toMatch(/whsec_/);
    });

    it('refuses an overlap outside 0..604800 and a malformed secret, naming the field, changing nothing', () => {
      const s = newSubscription();
      const before = s.snapshot.secret;
      for (const overlapSeconds of [-1, 604801, 1.5]) {
        expect(refusal(() => s.rotateSecret({ overlapSeconds }, later))).toEqual({
          fields: ['overlapSeconds'],
        });
      }
      expect(refusal(() => s.rotateSecret({ secret: 'whsec_short' }, later))).toEqual({
        fields: ['secret'],
      });
      expect(s.signingSecrets(later)).toEqual([before]);
    });
  });
});
