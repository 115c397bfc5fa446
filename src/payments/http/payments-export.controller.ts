import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../../shared/http/api-auth.decorator';
import type { Response } from 'express';
import { pipeline } from 'node:stream';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { CurrentAccount } from '../../shared/http/request-context';
import { PaymentsExportService } from '../application/payments-export.service';
import { ExportPaymentsQuery } from './export-payments.query';

const EXAMPLE =
  'id,externalRef,status,amount,currency,country,fee,beneficiaryName,reference,createdAt,updatedAt,failureReason\r\n' +
  '0193a1b2-c3e0-7a10-9b2c-3d4e5f6a7b8c,order-8812,PAID,1250.50,INR,IN,25.00,Asha Rao,Invoice 8812,' +
  '2026-11-24T05:37:19.123Z,2026-11-24T05:37:26.456Z,\r\n';

/**
 * Registered before PaymentsController, so `/payments/export` is this route and never taken
 * for a payment id.
 */
@ApiTags('Payments')
@ApiKeyAuth()
@Controller('api/v1/payments')
export class PaymentsExportController {
  constructor(private readonly exports: PaymentsExportService) {}

  @Get('export')
  @ApiOperation({
    summary: 'Export payments as CSV',
    description:
      'Streams every payment of yours that matches (`createdFrom` inclusive, `createdTo` exclusive, `status`), oldest ' +
      'first, as RFC 4180 CSV with a header row, as an attachment. The export is read from a database cursor, so it ' +
      'can hold any number of payments. A cell that a spreadsheet would run as a formula (starting with =, +, -, @, ' +
      'a tab or a CR) is prefixed with an apostrophe. This route has one representation: it answers CSV whatever ' +
      'the Accept header says (`Accept: text/csv` is the polite form); errors are problem+json as everywhere.',
  })
  @ApiProduces('text/csv')
  @ApiResponse({
    status: 200,
    description:
      'The CSV file (`Content-Disposition: attachment; filename="payments-<from>-<to>.csv"`)',
    content: { 'text/csv': { schema: { type: 'string' }, example: EXAMPLE } },
  })
  @ApiProblems(400, 401, 403)
  async export(
    @CurrentAccount() accountId: string,
    @Query() query: ExportPaymentsQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, body } = await this.exports.open(accountId, query);
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('cache-control', 'no-store');
    res.flushHeaders();
    pipeline(body, res, () => undefined);
  }
}
