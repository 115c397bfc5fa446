import { Injectable } from '@nestjs/common';
import { OnOutboxEvent } from '../../outbox';
import type { DomainEvent } from '../../shared/domain';
import { PayoutProvider } from './payout-provider.port';

/** Every committed payment goes to the payout provider, once per commit of its event. */
@Injectable()
export class SubmitPayoutHandler {
  constructor(private readonly provider: PayoutProvider) {}

  @OnOutboxEvent('payment.created')
  async onPaymentCreated(event: DomainEvent): Promise<void> {
    await this.provider.submit({ paymentId: event.aggregateId, accountId: event.accountId });
  }
}
