import { Module } from '@nestjs/common';
import { QuoteReservations } from './application/quote-reservations.port';
import { QuotesService } from './application/quotes.service';
import { corridorTableProvider } from './infrastructure/corridor-table.provider';
import { QuotesRepository } from './infrastructure/quotes.repository';
import { SqlQuoteReservations } from './infrastructure/sql-quote-reservations';
import { QuotesController } from './http/quotes.controller';

@Module({
  controllers: [QuotesController],
  providers: [
    corridorTableProvider,
    QuotesRepository,
    QuotesService,
    { provide: QuoteReservations, useClass: SqlQuoteReservations },
  ],
  exports: [QuoteReservations],
})
export class QuotesModule {}
