import type { BeneficiaryView } from './beneficiary';
import type { PaymentState } from './payment-state';
import type { PaymentStatus } from './payment-status';

/**
 * The public Payment object of the contract, as GET returns it and as every webhook carries it.
 * A type alias (not an interface) so it is plain JSON data assignable to an event payload.
 * Optional fields are null, never missing, so the shape is the same for every payment.
 */
export type PaymentView = {
  id: string;
  externalRef: string;
  quoteId: string;
  status: PaymentStatus;
  /** Decimal string with exactly the currency's minor-unit decimals: "1250.50", "1250", "1.250". */
  amount: string;
  currency: string;
  country: string;
  fee: { amount: string; currency: string };
  beneficiary: BeneficiaryView;
  reference: string | null;
  purpose: string | null;
  metadata: Record<string, string>;
  failureReason: string | null;
  version: number;
  /** ISO 8601 UTC, millisecond precision. */
  createdAt: string;
  updatedAt: string;
};

export const toPaymentView = (state: PaymentState): PaymentView => ({
  id: state.id,
  externalRef: state.externalRef,
  quoteId: state.quoteId,
  status: state.status,
  amount: state.amount.toDecimalString(),
  currency: state.amount.currency.code,
  country: state.country.code,
  fee: { amount: state.fee.toDecimalString(), currency: state.fee.currency.code },
  beneficiary: state.beneficiary.toView(),
  reference: state.reference,
  purpose: state.purpose,
  metadata: { ...state.metadata },
  failureReason: state.failureReason,
  version: state.version,
  createdAt: state.createdAt.toISOString(),
  updatedAt: state.updatedAt.toISOString(),
});
