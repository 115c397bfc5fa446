import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../../shared/http/api-auth.decorator';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { CurrentAccount } from '../../shared/http/request-context';
import { QuotesService } from '../application/quotes.service';
import { CreateQuoteDto, PaymentQuoteDto } from './quote.dto';

@ApiTags('Quotes')
@ApiKeyAuth()
@Controller('api/v1/payments/quote')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a payment quote',
    description:
      'Prices a payment of `currency` into `country`. The quote expires after QUOTE_TTL_SECONDS (900 by default) ' +
      'and pays for exactly one payment. The answer says what a payment into the corridor needs: `beneficiaryRequirements` ' +
      '(which beneficiary field, in which format) and the amount limits `minAmount`/`maxAmount`. ' +
      'A valid pair the service does not serve answers 422 `unsupported-corridor`.',
  })
  @ApiCreatedResponse({ type: PaymentQuoteDto, description: 'The quote' })
  @ApiProblems(400, 401, 403, 413, 415, 422)
  async create(
    @CurrentAccount() accountId: string,
    @Body() body: CreateQuoteDto,
  ): Promise<PaymentQuoteDto> {
    return this.quotes.create(accountId, body.currency, body.country);
  }
}
