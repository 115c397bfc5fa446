/** What other modules may know of quotes, free of NestJS and of the ORM. */
export type { QuoteCheck, QuoteTerms, ReservedQuote } from './application/quote-reservations.port';
export { QUOTE_ERRORS, type ReservationRefusal } from './domain/quote-errors';
