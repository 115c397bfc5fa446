import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain';
import { type PayoutOrder, PayoutProvider } from '../../application/payout-provider.port';

/** Schedules the simulated payout in the same transaction as the event that ordered it. */
@Injectable()
export class SimulatedPayoutProvider extends PayoutProvider {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    super();
  }

  async submit(order: PayoutOrder): Promise<void> {
    const dueAt = new Date(this.clock.now().getTime() + this.config.SIMULATOR_PROCESSING_DELAY_MS);
    await this.em.execute(
      `insert into payout_job (payment_id, account_id, step, due_at) values (?, ?, 'PROCESS', ?) on conflict do nothing`,
      [order.paymentId, order.accountId, dueAt],
    );
  }
}
