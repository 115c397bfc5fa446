import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain';
import { type PayoutOrder, PayoutProvider } from '../../application/payout-provider.port';
import { PayoutsConfig } from '../../payouts.config';
import { PayoutJob } from './payout-job.schema';

/** Schedules the simulated payout in the same transaction as the event that ordered it. */
@Injectable()
export class SimulatedPayoutProvider extends PayoutProvider {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly config: PayoutsConfig,
  ) {
    super();
  }

  async submit(order: PayoutOrder): Promise<void> {
    const dueAt = new Date(this.clock.now().getTime() + this.config.processingDelayMs);
    // A redelivered order finds its job already scheduled: the first one stands.
    await this.em
      .createQueryBuilder(PayoutJob)
      .insert({ paymentId: order.paymentId, accountId: order.accountId, step: 'PROCESS', dueAt })
      .onConflict()
      .ignore()
      .execute();
  }
}
