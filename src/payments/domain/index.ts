// The Payments domain's public pieces. Internal helpers (text length counting, state consistency
// checks) stay unexported so that the rules have one home and callers cannot bypass them.
export { amountOutOfRange } from './amount-limits';
export { PAYMENTS_PER_REQUEST_MAX } from './batch-limits';
export { checkBeneficiary } from './bank-details/beneficiary-check';
export type { BeneficiaryCheck } from './bank-details/beneficiary-check';
export { BENEFICIARY_LIMITS, Beneficiary } from './beneficiary';
export type { BeneficiaryProps, BeneficiaryView } from './beneficiary';
export {
  EXTERNAL_REF_MAX_LENGTH,
  assertValidExternalRef,
  isValidExternalRef,
} from './external-ref';
export { idempotencyConflictDetail, idempotentOutcome } from './idempotency';
export type { IdempotentOutcome } from './idempotency';
export { FAILURE_REASON_MAX_LENGTH, assertValidFailureReason } from './failure-reason';
export { Payment } from './payment';
export { PAYMENT_ERRORS } from './payment-errors';
export type { PaymentErrorCode } from './payment-errors';
export type { CreatePaymentInput } from './payment';
export { PAYMENT_DETAILS_LIMITS, PaymentDetails } from './payment-details';
export type { PaymentDetailsFields, PaymentDetailsProps } from './payment-details';
export { PAYMENT_EVENT_TYPES, isPaymentEventType, paymentEventTypeFor } from './payment-events';
export type { PaymentEvent, PaymentEventType } from './payment-events';
export { PAYMENT_METADATA_LIMITS } from './payment-metadata';
export type { PaymentMetadata } from './payment-metadata';
export type { PaymentQuoteTerms } from './payment-quote-terms';
export type { PaymentState } from './payment-state';
export {
  PAYMENT_STATUSES,
  PAYMENT_STATUS_TRANSITIONS,
  canTransition,
  isFinalStatus,
  isPaymentStatus,
} from './payment-status';
export type { PaymentStatus } from './payment-status';
export type { PaymentView } from './payment-view';
