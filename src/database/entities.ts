import { AccountSchema } from '../accounts';
import { OutboxEventSchema } from '../outbox';
import { PaymentSchema, PayoutJobSchema } from '../payments';
import { QuoteSchema } from '../quotes';

/** Every table's schema, for the ORM, the migration generator and the schema-drift check. */
export const ALL_ENTITIES = [AccountSchema, QuoteSchema, PaymentSchema, PayoutJobSchema, OutboxEventSchema];
