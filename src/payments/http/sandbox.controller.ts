import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../../shared/http/api-auth.decorator';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { CurrentAccount } from '../../shared/http/request-context';
import { PaymentsService } from '../application/payments.service';
import type { PaymentView } from '../domain';
import { PaymentDto } from './payment.dto';
import { SandboxStatusDto } from './sandbox-status.dto';

/** Registered outside production only (see PaymentsModule). */
@ApiTags('Sandbox')
@ApiKeyAuth()
@Controller('api/v1/sandbox/payments')
export class SandboxController {
  constructor(private readonly payments: PaymentsService) {}

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a payment by hand (sandbox)',
    description:
      'Outside production only. Follows the lifecycle rules: anything else is 409 `invalid-state`.',
  })
  @ApiOkResponse({ type: PaymentDto, description: 'The payment in its new status' })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  move(
    @CurrentAccount() accountId: string,
    @Param('id') id: string,
    @Body() body: SandboxStatusDto,
  ): Promise<PaymentView> {
    return this.payments.moveManually(accountId, id, body.status, body.failureReason);
  }
}
