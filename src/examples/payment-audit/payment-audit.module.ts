import { Module } from '@nestjs/common';
import { PaymentAuditListener } from './payment-audit.listener';

/**
 * A tiny module that listens to payment events from the bus (docs/extending.md). It needs nothing
 * but what is global (the Prometheus Registry, Transactions) and the outbox's decorator.
 */
@Module({ providers: [PaymentAuditListener] })
export class PaymentAuditModule {}
