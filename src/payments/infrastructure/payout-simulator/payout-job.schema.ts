import { EntitySchema } from '@mikro-orm/postgresql';

export type PayoutStep = 'PROCESS' | 'SETTLE';

/** The simulator's durable schedule: one row per payment still on its way. */
export class PayoutJob {
  constructor(
    readonly paymentId: string,
    readonly accountId: string,
    readonly step: PayoutStep,
    readonly dueAt: Date,
  ) {}
}

export const PayoutJobSchema = new EntitySchema<PayoutJob>({
  class: PayoutJob,
  tableName: 'payout_job',
  properties: {
    paymentId: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    step: { type: 'string', length: 16 },
    dueAt: { type: 'Date', columnType: 'timestamptz(3)', index: 'payout_job_due_at_idx' },
  },
});
