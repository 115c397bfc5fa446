import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { decodeCursor, encodeCursor, type Page } from '../../shared/application/page-cursor';
import { PAGE_SIZE_DEFAULT } from '../../shared/application/page-size';
import { Clock, DomainError, isUuid } from '../../shared/domain';
import { type Payment, PAYMENT_ERRORS, type PaymentStatus, type PaymentView } from '../domain';
import { PaymentsRepository } from '../infrastructure/payments.repository';
import { toCreatedRange } from './created-range';

export type PaymentPage = Page<PaymentView>;

/** The list filters as the request states them; times are ISO 8601 strings. */
export interface ListFilter {
  externalRef?: string;
  status?: string;
  createdFrom?: string;
  createdTo?: string;
}

export type ManualStatus = Extract<PaymentStatus, 'PROCESSING' | 'PAID' | 'FAILED'>;

const notFound = (id: string) =>
  new DomainError('not-found', PAYMENT_ERRORS.notFound, `payment ${id} does not exist`);

/** Reading and moving payments; every move goes through the aggregate and is saved with its event. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly payments: PaymentsRepository,
    private readonly clock: Clock,
  ) {}

  async get(accountId: string, id: string): Promise<PaymentView> {
    const payment = isUuid(id) ? await this.payments.findById(accountId, id) : undefined;
    if (!payment) throw notFound(id);
    return payment.toView();
  }

  async list(
    accountId: string,
    filter: ListFilter,
    limit = PAGE_SIZE_DEFAULT,
    cursor?: string,
  ): Promise<PaymentPage> {
    const beforeId = cursor === undefined ? undefined : decodeCursor(cursor);
    const { createdFrom, createdTo, ...rest } = filter;
    const range = toCreatedRange({ createdFrom, createdTo });
    const rows = await this.payments.list(accountId, { ...rest, ...range, beforeId }, limit + 1);
    const page = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(page[page.length - 1].id) : null;
    return { data: page.map((p) => p.toView()), nextCursor };
  }

  cancel(accountId: string, id: string): Promise<PaymentView> {
    return this.move(accountId, id, (payment, now) => payment.cancel(now));
  }

  /** Sandbox only: moves a payment by hand, under the same lifecycle rules as the payout provider. */
  moveManually(
    accountId: string,
    id: string,
    status: ManualStatus,
    failureReason?: string,
  ): Promise<PaymentView> {
    return this.move(accountId, id, (payment, now) => {
      if (status === 'PROCESSING') payment.markProcessing(now);
      else if (status === 'PAID') payment.markPaid(now);
      else payment.markFailed(failureReason ?? 'failed in the sandbox', now);
    });
  }

  /** Locks the row for the move, so concurrent moves of one payment queue instead of failing. */
  async move(
    accountId: string,
    id: string,
    change: (payment: Payment, now: Date) => void,
  ): Promise<PaymentView> {
    if (!isUuid(id)) throw notFound(id);
    return this.transactions.run(async () => {
      const payment = await this.payments.findForUpdate(accountId, id);
      if (!payment) throw notFound(id);
      change(payment, this.clock.now());
      await this.payments.save(payment);
      return payment.toView();
    });
  }
}
