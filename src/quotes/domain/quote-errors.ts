/** Every error code the Quotes module answers with, and the detail each one gives. */
export const QUOTE_ERRORS = {
  notFound: 'quote-not-found',
  expired: 'quote-expired',
  alreadyUsed: 'quote-already-used',
  unsupportedCorridor: 'unsupported-corridor',
} as const;

/** Why a quote cannot pay for a payment. */
export type ReservationRefusal =
  typeof QUOTE_ERRORS.notFound | typeof QUOTE_ERRORS.expired | typeof QUOTE_ERRORS.alreadyUsed;

export const REFUSAL_DETAILS: Record<ReservationRefusal, (id: string, expiresAt?: Date) => string> =
  {
    [QUOTE_ERRORS.notFound]: (id) => `quote ${id} does not exist`,
    [QUOTE_ERRORS.expired]: (id, expiresAt) => `quote ${id} expired at ${expiresAt?.toISOString()}`,
    [QUOTE_ERRORS.alreadyUsed]: (id) => `quote ${id} has already been used by another payment`,
  };

export const unsupportedCorridorDetail = (currency: string, country: string) =>
  `payments in ${currency} to ${country} are not supported`;
