import { DomainError } from '../../shared/domain';
import { WEBHOOK_EVENT_TYPES } from './event-types';
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
    const s = newSubscription();
    s.disable('the receiver answered 410 Gone', created);
    expect(s.update({ status: 'ACTIVE' }, later)).toBe('resumed');
    expect(s.toView()).toMatchObject({ status: 'ACTIVE', disabledReason: null });
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
      const old = s.secret.value;
      const answer = s.rotateSecret({ overlapSeconds: 3600 }, later);
      expect(answer).toEqual({
        secret: s.secret.value,
        previousSecretExpiresAt: new Date(later.getTime() + hour).toISOString(),
      });
      expect(s.signingSecrets(new Date(later.getTime() + hour - 1))).toEqual([s.secret.value, old]);
      expect(s.signingSecrets(new Date(later.getTime() + hour))).toEqual([s.secret.value]);
    });

    it('the overlap is a day by default; 0 ends the old secret at once', () => {
      const s = newSubscription();
      expect(s.rotateSecret({}, later).previousSecretExpiresAt).toBe(
        new Date(later.getTime() + 24 * hour).toISOString(),
      );
      s.rotateSecret({ overlapSeconds: 0 }, later);
      expect(s.signingSecrets(later)).toEqual([s.secret.value]);
    });

    it('a second rotation during an overlap ends the older one: two secrets sign, never three', () => {
      const s = newSubscription();
      const first = s.secret.value;
      s.rotateSecret({ overlapSeconds: 3600 }, later);
      const second = s.secret.value;
      s.rotateSecret({ overlapSeconds: 3600 }, later);
      expect(s.signingSecrets(later)).toEqual([s.secret.value, second]);
      expect(s.signingSecrets(later)).not.toContain(first);
    });

    it('never shows a secret in the view', () => {
      const s = newSubscription();
      s.rotateSecret({ overlapSeconds: 60 }, later);
      expect(JSON.stringify(s.toView())).not.toMatch(/whsec_/);
    });

    it('refuses an overlap outside 0..604800 and a malformed secret, naming the field, changing nothing', () => {
      const s = newSubscription();
      const before = s.secret.value;
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

describe('Subscription creation', () => {
  it('no event types means every payment event (never subscription.disabled); repeats collapse', () => {
    expect(newSubscription().eventTypes).toEqual(WEBHOOK_EVENT_TYPES);
    const s = Subscription.create({
      accountId: 'acc',
      callbackUrl: 'https://a.example/h',
      eventTypes: ['payment.paid', 'payment.paid', 'subscription.disabled'],
      now: created,
    });
    expect(s.eventTypes).toEqual(['payment.paid', 'subscription.disabled']);
  });

  it('refuses an unknown event type and a malformed secret', () => {
    const create = (input: { eventTypes?: string[]; secret?: string }) => () =>
      Subscription.create({
        accountId: 'acc',
        callbackUrl: 'https://a.example/h',
        ...input,
        now: created,
      });
    expect(create({ eventTypes: ['payment.exploded'] })).toThrow(
      expect.objectContaining({ code: 'invalid-event-type' }),
    );
    expect(create({ secret: 'whsec_short' })).toThrow(
      expect.objectContaining({ code: 'invalid-secret' }),
    );
  });

  it('keeps a given secret and shows it in the creation answer only', () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const s = Subscription.create({
      accountId: 'acc',
      callbackUrl: 'https://a.example/h',
      secret,
      now: created,
    });
    expect(s.toView({ withSecret: true }).secret).toBe(secret);
    expect(s.toView()).not.toHaveProperty('secret');
    expect(s.signingSecrets(created)).toEqual([secret]);
  });
});

describe('Subscription disabled by the service, deleted by its owner', () => {
  it('the service disables an ACTIVE subscription only: a paused one stays PAUSED', () => {
    const paused = newSubscription();
    paused.update({ status: 'PAUSED' }, created);
    expect(paused.disable('gone', later)).toBe(false);
    expect(paused.toView()).toMatchObject({ status: 'PAUSED', disabledReason: null });
    const active = newSubscription();
    expect(active.disable('gone', later)).toBe(true);
    expect(active.toView()).toMatchObject({ status: 'DISABLED', disabledReason: 'gone' });
    expect(active.isActive).toBe(false);
  });

  it('a 410 Gone disables it at once and starts the failure record; a second verdict changes nothing', () => {
    const s = newSubscription();
    const gone = [{ at: later, delivered: false, statusCode: 410 }];
    expect(s.judgeAttempts(gone, later, 5 * 24 * 3600_000)).toBe('the receiver answered 410 Gone');
    expect(s.failingSince).toEqual(later);
    expect(s.toView()).toMatchObject({ status: 'DISABLED', updatedAt: later.toISOString() });
    expect(s.judgeAttempts(gone, later, 5 * 24 * 3600_000)).toBeNull();
  });

  it('failures keep the record without disabling until the limit; a success clears it', () => {
    const s = newSubscription();
    const failed = [{ at: created, delivered: false, statusCode: 500 }];
    expect(s.judgeAttempts(failed, later, 5 * 24 * 3600_000)).toBeNull();
    expect(s.failingSince).toEqual(created);
    expect(s.isActive).toBe(true);
    expect(s.judgeAttempts([{ at: later, delivered: true, statusCode: 200 }], later, 1)).toBeNull();
    expect(s.failingSince).toBeNull();
  });

  it('a deleted subscription records when it was deleted', () => {
    const s = newSubscription();
    s.delete(later);
    expect(s).toMatchObject({ status: 'DELETED', deletedAt: later, updatedAt: later });
  });
});
