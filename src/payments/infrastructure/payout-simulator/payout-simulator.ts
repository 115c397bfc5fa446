import { type EntityData, EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Transactions } from '../../../database/transactions';
import { Clock, DomainError } from '../../../shared/domain';
import { ScheduledWorker } from '../../../shared/infrastructure/scheduled-worker';
import { PaymentsService } from '../../application/payments.service';
import type { Payment } from '../../domain';
import { paymentsSql } from '../payments.sql';
import { PayoutsConfig } from '../../payouts.config';
import { PayoutJob } from './payout-job.schema';

const BATCH = 50;
/** The documented way to make the simulator fail a payment. */
export const CLOSED_ACCOUNT_SUFFIX = '0000';

/**
 * Moves simulated payouts along: PENDING → PROCESSING after the processing delay, then PAID (or
 * FAILED for an account number ending in 0000) after the settle delay. Jobs are claimed with
 * SKIP LOCKED, so any number of instances share them; a job's move and its next step commit together.
 */
@Injectable()
export class PayoutSimulator extends ScheduledWorker {
  constructor(
    private readonly em: EntityManager,
    private readonly transactions: Transactions,
    private readonly payments: PaymentsService,
    private readonly clock: Clock,
    scheduler: SchedulerRegistry,
    private readonly config: PayoutsConfig,
  ) {
    super({
      name: 'payout-simulator',
      intervalMs: config.pollIntervalMs,
      batchSize: BATCH,
      scheduler,
    });
  }

  async runOnce(): Promise<number> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const rows = await paymentsSql.claimDuePayoutJobs(this.em, now, BATCH);
      const jobs = rows.map((row) => this.em.map(PayoutJob, row as EntityData<PayoutJob>));
      for (const job of jobs) await this.advance(job, now);
      return jobs.length;
    });
  }

  private async advance(job: PayoutJob, now: Date): Promise<void> {
    try {
      await this.payments.move(job.accountId, job.paymentId, (payment) =>
        this.step(job, payment, now),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Cancelled or moved by hand meanwhile: the simulation of this payment is over.
      await this.em.nativeDelete(PayoutJob, { paymentId: job.paymentId });
      return;
    }
    if (job.step === 'PROCESS') {
      const dueAt = new Date(now.getTime() + this.config.settleDelayMs);
      await this.em.nativeUpdate(
        PayoutJob,
        { paymentId: job.paymentId },
        { step: 'SETTLE', dueAt },
      );
    } else {
      await this.em.nativeDelete(PayoutJob, { paymentId: job.paymentId });
    }
  }

  private step(job: PayoutJob, payment: Payment, now: Date): void {
    if (job.step === 'PROCESS') payment.markProcessing(now);
    else if (payment.beneficiary.accountNumber.endsWith(CLOSED_ACCOUNT_SUFFIX))
      payment.markFailed('beneficiary account closed', now);
    else payment.markPaid(now);
  }
}
