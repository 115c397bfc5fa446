import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyAuth } from '../../shared/http/api-auth.decorator';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { CurrentAccount } from '../../shared/http/request-context';
import { CreatePaymentsUseCase } from '../application/create-payments/create-payments.use-case';
import { type PaymentPage, PaymentsService } from '../application/payments.service';
import { PAYMENT_ERRORS as E, PAYMENTS_PER_REQUEST_MAX, type PaymentView } from '../domain';
import { batchStatus } from './batch-status';
import { CreatePaymentsRequestDto } from './create-payments.dto';
import { ListPaymentsQuery } from './list-payments.query';
import { CreatePaymentsResponseDto, PaymentDto, PaymentPageDto } from './payment.dto';

@ApiTags('Payments')
@ApiKeyAuth()
@Controller('api/v1/payments')
export class PaymentsController {
  constructor(
    private readonly createPayments: CreatePaymentsUseCase,
    private readonly payments: PaymentsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create payments',
    description:
      `Creates 1..${PAYMENTS_PER_REQUEST_MAX} payments, each with its quote and its \`externalRef\` (your idempotency key). A known externalRef with the same ` +
      'content returns the stored payment (REPLAYED) and creates nothing. By default items are independent: 201 when all were created, ' +
      '200 when all were replays, 207 when some were rejected. With `atomic: true` any rejection writes nothing and answers 409 ' +
      '(all rejections are idempotency conflicts) or 422, naming each rejected item. A beneficiary that breaks its ' +
      "quote's corridor format is a malformed request: 400 `validation-failed` naming `payments[i].beneficiary.<field>` " +
      `(\`${E.invalidIban}\`, \`${E.invalidBic}\`, \`${E.invalidRoutingNumber}\`, \`${E.invalidIfsc}\`, \`${E.invalidSortCode}\`, ` +
      `\`${E.invalidAccountNumber}\`), nothing written. An amount outside the corridor limits rejects its item ` +
      `(\`${E.amountOutOfRange}\`).`,
  })
  @ApiResponse({
    status: 201,
    type: CreatePaymentsResponseDto,
    description: 'Created (and maybe replayed), none rejected',
  })
  @ApiResponse({
    status: 200,
    type: CreatePaymentsResponseDto,
    description: 'Every item was a replay',
  })
  @ApiResponse({
    status: 207,
    type: CreatePaymentsResponseDto,
    description: 'Some items were rejected (per-item mode)',
  })
  @ApiProblems(400, 401, 403, 409, 413, 415, 422)
  async create(
    @CurrentAccount() accountId: string,
    @Body() body: CreatePaymentsRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreatePaymentsResponseDto> {
    const results = await this.createPayments.execute(
      accountId,
      body.payments,
      body.atomic ?? false,
    );
    res.status(batchStatus(results));
    return { results };
  }

  @Get()
  @ApiOperation({
    summary: 'List payments',
    description:
      'Newest first, filtered by externalRef, status and creation time (`createdFrom` inclusive, `createdTo` exclusive, ' +
      'ISO 8601), a page at a time. A malformed time or `createdTo` before `createdFrom` answers 400.',
  })
  @ApiOkResponse({ type: PaymentPageDto, description: 'A page of payments, newest first' })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentAccount() accountId: string,
    @Query() query: ListPaymentsQuery,
  ): Promise<PaymentPage> {
    const { limit, cursor, ...filter } = query;
    return this.payments.list(accountId, filter, limit, cursor);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Retrieve a payment',
    description: 'The payment and its current status.',
  })
  @ApiOkResponse({ type: PaymentDto, description: 'The payment' })
  @ApiProblems(401, 403, 404)
  get(@CurrentAccount() accountId: string, @Param('id') id: string): Promise<PaymentView> {
    return this.payments.get(accountId, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a payment',
    description: 'Only a PENDING payment can be cancelled; otherwise 409 `invalid-state`.',
  })
  @ApiOkResponse({ type: PaymentDto, description: 'The cancelled payment' })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  cancel(@CurrentAccount() accountId: string, @Param('id') id: string): Promise<PaymentView> {
    return this.payments.cancel(accountId, id);
  }
}
