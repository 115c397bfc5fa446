/** The Quotes module's public face: other modules import from here only. */
export { QuotesModule } from './quotes.module';
export { QuoteReservations } from './application/quote-reservations.port';
export * from './contracts';
// Kept for payments' DTOs until they import it from the shared kernel (src/shared/http).
export { MoneyDto } from '../shared/http/money.dto';
