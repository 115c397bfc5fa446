import { AccountSchema } from '../accounts';
import { OutboxEventSchema } from '../outbox';
import { PaymentSchema, PayoutJobSchema } from '../payments';
import { QuoteSchema } from '../quotes';
import { AttemptSchema, DeliverySchema, SubscriptionSchema } from '../webhooks';

/** Every table's schema, for the ORM, the migration generator and the schema-drift check. */
export const ALL_ENTITIES = [
  AccountSchema,
  QuoteSchema,
  PaymentSchema,
  PayoutJobSchema,
  OutboxEventSchema,
  SubscriptionSchema,
  DeliverySchema,
  AttemptSchema,
];
