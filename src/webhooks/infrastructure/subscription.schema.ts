import { type Constructor, EntitySchema } from '@mikro-orm/postgresql';
import { CALLBACK_URL_MAX_LENGTH } from '../domain/callback-url';
import { Subscription } from '../domain/subscription';
import { WebhookSecretType } from './webhook-secret-type';

/** A column the domain never reads: only the dispatcher's claim (raw SQL) keeps and reads it. */
interface RateWindow {
  /** Lease times within the last rate window, shared by every instance's claim. */
  rateRecent?: Date[] | null;
}

export const SubscriptionSchema = new EntitySchema<Subscription & RateWindow>({
  // The constructor is private: the ORM rebuilds stored subscriptions from the prototype.
  class: Subscription as unknown as Constructor<Subscription & RateWindow>,
  tableName: 'webhook_subscription',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    callbackUrl: { type: 'string', length: CALLBACK_URL_MAX_LENGTH },
    eventTypes: { type: 'text[]' },
    secret: { type: WebhookSecretType, columnType: 'varchar(200)' },
    // Kept like the current secret, only to sign during a rotation's overlap; never shown.
    previousSecret: { type: WebhookSecretType, columnType: 'varchar(200)', nullable: true },
    previousSecretExpiresAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    status: { type: 'string', length: 16 },
    disabledReason: { type: 'string', length: 500, nullable: true },
    failingSince: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    description: { type: 'string', length: 256, nullable: true },
    rateLimitPerSecond: { type: 'integer', nullable: true },
    rateRecent: { type: 'unknown', columnType: 'timestamptz[]', nullable: true, lazy: true },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)' },
    deletedAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    isActive: { type: 'method', persist: false, getter: true },
  },
  indexes: [{ name: 'webhook_subscription_account_idx', properties: ['accountId', 'id'] }],
});
