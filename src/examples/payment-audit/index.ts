/** The example module's public face: AppModule imports PaymentAuditModule from here. */
export { PaymentAuditModule } from './payment-audit.module';
