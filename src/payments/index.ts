/** The Payments module's public face: other modules import from here only. */
export { PaymentsModule } from './payments.module';
export { PAYMENT_EVENT_TYPES, type PaymentEventType, type PaymentView } from './domain';
export { PaymentDto } from './http/payment.dto';
export { PaymentSchema } from './infrastructure/payment.schema';
export { PayoutJobSchema } from './infrastructure/payout-simulator/payout-job.schema';
