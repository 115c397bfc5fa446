/**
 * Every error code the Payments module answers with, as docs/api.md lists them. A quote that
 * cannot pay is refused with the Quotes module's codes (QUOTE_ERRORS).
 */
export const PAYMENT_ERRORS = {
  // The problem's `code`.
  notFound: 'payment-not-found',
  invalidState: 'invalid-state',
  idempotencyConflict: 'idempotency-conflict',
  concurrentModification: 'concurrent-modification',
  batchRejected: 'batch-rejected',
  // A rejected item's `error.code` (also in an atomic batch's `errors[]`).
  amountOutOfRange: 'amount-out-of-range',
  concurrentRequest: 'concurrent-request',
  // A field's code in the `errors[]` of a 400 `validation-failed`.
  duplicateExternalRef: 'duplicate-external-ref',
  duplicateQuoteId: 'duplicate-quote-id',
  invalidExternalRef: 'invalid-external-ref',
  invalidAmount: 'invalid-amount',
  invalidMetadata: 'invalid-metadata',
  invalidIban: 'invalid-iban',
  invalidBic: 'invalid-bic',
  invalidRoutingNumber: 'invalid-routing-number',
  invalidIfsc: 'invalid-ifsc',
  invalidSortCode: 'invalid-sort-code',
  invalidAccountNumber: 'invalid-account-number',
  invalidRange: 'invalid-range',
  // The domain's own guards of limits the request validation enforces first, and of a caller's
  // bug (a wrong quote or currency): a client's request never meets them.
  invalidReference: 'invalid-reference',
  invalidPurpose: 'invalid-purpose',
  invalidBeneficiary: 'invalid-beneficiary',
  invalidFailureReason: 'invalid-failure-reason',
  invalidId: 'invalid-id',
  invalidQuoteId: 'invalid-quote-id',
  quoteMismatch: 'quote-mismatch',
  currencyMismatch: 'currency-mismatch',
} as const;

export type PaymentErrorCode = (typeof PAYMENT_ERRORS)[keyof typeof PAYMENT_ERRORS];
