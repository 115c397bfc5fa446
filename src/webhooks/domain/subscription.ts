import { DomainError, newId, validationFailed } from '../../shared/domain';
import {
  isWebhookEventType,
  SUBSCRIBABLE_EVENT_TYPES,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from './event-types';
import { type HealthInput, judgeHealth } from './subscription-health';
import { WebhookSecret } from './webhook-secret';

/** ACTIVE receives; PAUSED (by its owner) and DISABLED (by the service) keep their deliveries waiting. */
export type SubscriptionStatus = 'ACTIVE' | 'PAUSED' | 'DISABLED' | 'DELETED';

export const DESCRIPTION_MAX = 256;
export const RATE_LIMIT_MIN = 1;
export const RATE_LIMIT_MAX = 1000;
export const OVERLAP_MAX_SECONDS = 7 * 24 * 3600;
export const OVERLAP_DEFAULT_SECONDS = 24 * 3600;

/** What an owner may change with PATCH; absent fields stay as they are. */
export interface SubscriptionChanges {
  callbackUrl?: string;
  eventTypes?: readonly string[];
  description?: string | null;
  rateLimitPerSecond?: number | null;
  status?: 'ACTIVE' | 'PAUSED';
}

/** What a change means for the subscription's waiting deliveries. */
export type DeliveryEffect = 'resumed' | 'stopped' | 'none';

function unknownTypes(types: readonly string[]): string | null {
  const unknown = types.filter((t) => !isWebhookEventType(t));
  return unknown.length
    ? `unknown event type(s): ${unknown.join(', ')}; known: ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}`
    : null;
}

/**
 * A URL that receives the account's payment events, signed with the subscription's secret. The
 * fields are what is stored: the ORM maps this class itself (the secrets through a custom type)
 * and rebuilds a stored subscription without calling the constructor. They change only through
 * the methods below.
 */
export class Subscription {
  readonly id: string = newId();
  /** The secret before the last rotation, which still signs until it expires. */
  previousSecret: WebhookSecret | null = null;
  previousSecretExpiresAt: Date | null = null;
  status: SubscriptionStatus = 'ACTIVE';
  disabledReason: string | null = null;
  /** The first failed attempt since the last success (auto-disable), or null. */
  failingSince: Date | null = null;
  description: string | null = null;
  rateLimitPerSecond: number | null = null;
  updatedAt: Date;
  deletedAt: Date | null = null;

  private constructor(
    readonly accountId: string,
    public callbackUrl: string,
    public eventTypes: readonly WebhookEventType[],
    public secret: WebhookSecret,
    readonly createdAt: Date,
  ) {
    this.updatedAt = createdAt;
  }

  /** `eventTypes` absent or empty means every type; a secret is generated unless one is given. */
  static create(input: {
    accountId: string;
    callbackUrl: string;
    eventTypes?: readonly string[];
    secret?: string;
    now: Date;
  }): Subscription {
    const unknown = unknownTypes(input.eventTypes ?? []);
    if (unknown) throw new DomainError('invalid', 'invalid-event-type', unknown);
    const eventTypes = input.eventTypes?.length
      ? [...new Set(input.eventTypes as WebhookEventType[])]
      : [...WEBHOOK_EVENT_TYPES];
    const secret =
      input.secret === undefined ? WebhookSecret.generate() : WebhookSecret.parse(input.secret);
    return new Subscription(input.accountId, input.callbackUrl, eventTypes, secret, input.now);
  }

  /** Only an ACTIVE subscription is sent anything; the others' deliveries wait. */
  get isActive(): boolean {
    return this.status === 'ACTIVE';
  }

  /**
   * Applies an owner's PATCH under the creation rules (a URL is checked by the caller, which
   * needs DNS). Each refusal names its field; nothing changes unless every field is valid.
   */
  update(changes: SubscriptionChanges, now: Date): DeliveryEffect {
    const refused = [];
    const { description, rateLimitPerSecond } = changes;
    let eventTypes: WebhookEventType[] | undefined;
    if (changes.eventTypes !== undefined) {
      const unknown = unknownTypes(changes.eventTypes);
      if (changes.eventTypes.length === 0) {
        refused.push({
          field: 'eventTypes',
          code: 'empty-event-types',
          message: 'eventTypes must name at least one type',
        });
      } else if (unknown) {
        refused.push({ field: 'eventTypes', code: 'invalid-event-type', message: unknown });
      } else {
        eventTypes = [...new Set(changes.eventTypes as WebhookEventType[])];
      }
    }
    if (typeof description === 'string' && description.length > DESCRIPTION_MAX) {
      refused.push({
        field: 'description',
        code: 'too-long',
        message: `description must be at most ${DESCRIPTION_MAX} characters`,
      });
    }
    if (
      typeof rateLimitPerSecond === 'number' &&
      (!Number.isInteger(rateLimitPerSecond) ||
        rateLimitPerSecond < RATE_LIMIT_MIN ||
        rateLimitPerSecond > RATE_LIMIT_MAX)
    ) {
      refused.push({
        field: 'rateLimitPerSecond',
        code: 'out-of-range',
        message: `rateLimitPerSecond must be null or an integer ${RATE_LIMIT_MIN}..${RATE_LIMIT_MAX}`,
      });
    }
    if (refused.length) throw validationFailed(refused);

    const wasActive = this.isActive;
    if (changes.callbackUrl !== undefined) this.callbackUrl = changes.callbackUrl;
    if (eventTypes) this.eventTypes = eventTypes;
    if (description !== undefined) this.description = description;
    if (rateLimitPerSecond !== undefined) this.rateLimitPerSecond = rateLimitPerSecond;
    if (changes.status !== undefined && changes.status !== this.status) {
      this.status = changes.status;
      // An owner's ACTIVE re-enables a DISABLED subscription: the reason no longer holds.
      this.disabledReason = null;
    }
    this.updatedAt = now;
    if (!wasActive && this.isActive) return 'resumed';
    if (wasActive && !this.isActive) return 'stopped';
    return 'none';
  }

  /** The service disables a failing receiver; its deliveries wait like a paused one's. */
  disable(reason: string, now: Date): boolean {
    if (this.status !== 'ACTIVE') return false;
    this.status = 'DISABLED';
    this.disabledReason = reason;
    this.updatedAt = now;
    return true;
  }

  /**
   * Keeps the failure record from one dispatcher pass's attempts (judgeHealth) and disables the
   * subscription when they say its receiver is gone. Returns the reason if it was disabled now.
   */
  judgeAttempts(attempts: HealthInput['attempts'], now: Date, disableAfterMs: number) {
    const verdict = judgeHealth({ failingSince: this.failingSince, attempts, now, disableAfterMs });
    this.failingSince = verdict.failingSince;
    return verdict.disable && this.disable(verdict.disable, now) ? verdict.disable : null;
  }

  /** Deleted for good: it wants nothing more, and its owner no longer sees it. */
  delete(now: Date): void {
    this.status = 'DELETED';
    this.deletedAt = now;
    this.updatedAt = now;
  }

  /**
   * Replaces the secret; the one it replaces keeps signing for `overlapSeconds`, so receivers can
   * switch at their pace. A rotation during an overlap ends the older one at once: only two
   * secrets ever sign, the newest and the one just before it.
   */
  rotateSecret(input: { secret?: string; overlapSeconds?: number }, now: Date) {
    const overlapSeconds = input.overlapSeconds ?? OVERLAP_DEFAULT_SECONDS;
    if (
      !Number.isInteger(overlapSeconds) ||
      overlapSeconds < 0 ||
      overlapSeconds > OVERLAP_MAX_SECONDS
    ) {
      throw validationFailed([
        {
          field: 'overlapSeconds',
          code: 'out-of-range',
          message: `overlapSeconds must be an integer 0..${OVERLAP_MAX_SECONDS}`,
        },
      ]);
    }
    let next: WebhookSecret;
    try {
      next =
        input.secret === undefined ? WebhookSecret.generate() : WebhookSecret.parse(input.secret);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(error.kind, error.code, error.message, [
        { field: 'secret', code: error.code, message: error.message },
      ]);
    }
    const expiresAt = new Date(now.getTime() + overlapSeconds * 1000);
    this.previousSecret = overlapSeconds > 0 ? this.secret : null;
    this.previousSecretExpiresAt = overlapSeconds > 0 ? expiresAt : null;
    this.secret = next;
    this.updatedAt = now;
    return { secret: next.value, previousSecretExpiresAt: expiresAt.toISOString() };
  }

  /** The secrets an attempt at `at` is signed with: the current one, and the previous one until it expires. */
  signingSecrets(at: Date): string[] {
    return signingSecrets(
      {
        secret: this.secret.value,
        previousSecret: this.previousSecret?.value ?? null,
        previousSecretExpiresAt: this.previousSecretExpiresAt,
      },
      at,
    );
  }

  /** The secret is shown once, at creation; afterwards the view never carries it. */
  toView(options: { withSecret: boolean } = { withSecret: false }) {
    return {
      id: this.id,
      callbackUrl: this.callbackUrl,
      eventTypes: [...this.eventTypes],
      status: this.status,
      disabledReason: this.disabledReason,
      description: this.description,
      rateLimitPerSecond: this.rateLimitPerSecond,
      ...(options.withSecret ? { secret: this.secret.value } : {}),
      createdAt: this.createdAt.toISOString(),
      updatedAt: this.updatedAt.toISOString(),
    };
  }
}

export type SubscriptionView = ReturnType<Subscription['toView']>;

/** See Subscription.signingSecrets; also applied to the columns a claim reads. */
export function signingSecrets(
  s: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  at: Date,
): string[] {
  const previousValid =
    s.previousSecret !== null &&
    s.previousSecretExpiresAt !== null &&
    new Date(s.previousSecretExpiresAt).getTime() > at.getTime();
  return previousValid ? [s.secret, s.previousSecret!] : [s.secret];
}
