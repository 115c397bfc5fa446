import { type Constructor, EntitySchema } from '@mikro-orm/postgresql';
import { DeliveryAttempt } from '../domain/delivery-attempt';

export const DeliveryAttemptSchema = new EntitySchema<DeliveryAttempt>({
  // The constructor is private: the ORM rebuilds stored attempts from the prototype.
  class: DeliveryAttempt as unknown as Constructor<DeliveryAttempt>,
  tableName: 'webhook_attempt',
  properties: {
    id: { type: 'uuid', primary: true },
    deliveryId: { type: 'uuid', index: 'webhook_attempt_delivery_idx' },
    attemptedAt: { type: 'Date', columnType: 'timestamptz(3)' },
    statusCode: { type: 'integer', nullable: true },
    durationMs: { type: 'integer' },
    error: { type: 'string', length: 500, nullable: true },
  },
  // Retention (ADR 16) deletes attempts oldest first.
  indexes: [{ name: 'webhook_attempt_attempted_at_idx', properties: ['attemptedAt'] }],
});
