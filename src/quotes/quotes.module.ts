import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QuoteReservations } from './application/quote-reservations.port';
import { QuotesService } from './application/quotes.service';
import { corridorTableProvider } from './infrastructure/corridor-table.provider';
import { QuotesRepository } from './infrastructure/quotes.repository';
import { LockedQuoteReservations } from './infrastructure/locked-quote-reservations';
import { QuoteSchema } from './infrastructure/quote.schema';
import { QuotesController } from './http/quotes.controller';

@Module({
  imports: [MikroOrmModule.forFeature([QuoteSchema])],
  controllers: [QuotesController],
  providers: [
    corridorTableProvider,
    QuotesRepository,
    QuotesService,
    { provide: QuoteReservations, useClass: LockedQuoteReservations },
  ],
  exports: [QuoteReservations],
})
export class QuotesModule {}
