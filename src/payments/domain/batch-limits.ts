/** Items one create-payments request may carry: one transaction, one multi-row insert. */
export const PAYMENTS_PER_REQUEST_MAX = 100;
