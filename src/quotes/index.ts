/** The Quotes module's public face: other modules import from here only. */
export { QuotesModule } from './quotes.module';
export {
  type QuoteCheck,
  QuoteReservations,
  type QuoteTerms,
  type ReservedQuote,
} from './application/quote-reservations.port';
export type { ReservationRefusal } from './domain/quote';
export { MoneyDto } from './http/quote.dto';
