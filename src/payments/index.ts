/** The Payments module's public face: other modules import from here only. */
export { PaymentsModule } from './payments.module';
export { PAYMENT_EVENT_TYPES, type PaymentEventType, type PaymentView } from './domain';
