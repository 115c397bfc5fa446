/** A payment handed to whoever moves the money. */
export interface PayoutOrder {
  paymentId: string;
  accountId: string;
}

/**
 * The payout provider behind the Payments module. `submit` runs inside the transaction that
 * publishes `payment.created`, so an adapter can record the order durably with it.
 */
export abstract class PayoutProvider {
  abstract submit(order: PayoutOrder): Promise<void>;
}

/** Used when no provider is configured: payments wait in PENDING until moved by other means. */
export class NoPayoutProvider extends PayoutProvider {
  submit(): Promise<void> {
    return Promise.resolve();
  }
}
