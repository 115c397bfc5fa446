import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../../shared/http/api-auth.decorator';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { CurrentAccount } from '../../shared/http/request-context';
import { DeliveriesService } from '../application/deliveries.service';
import { type TestSendReport, TestSendService } from '../application/test-send.service';
import { RecoverDto, RecoveredDto, TestSendDto } from './subscription-operations.dto';

/** What an integrator does with a live subscription: check the receiver, catch up after an outage. */
@ApiTags('Webhooks')
@ApiKeyAuth()
@Controller('api/v1/payments/subscriptions/:id')
export class SubscriptionOperationsController {
  constructor(
    private readonly testSend: TestSendService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Post('test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a test event',
    description:
      'Sends one signed `webhook.test` event (`data: { "subscriptionId" }`) to the callback URL now, waits for that ' +
      'one attempt (at most WEBHOOK_TIMEOUT_MS) and reports it. It is not stored, not retried, and works in any status.',
  })
  @ApiOkResponse({ type: TestSendDto, description: 'The attempt, whatever the receiver answered' })
  @ApiProblems(401, 403, 404)
  test(@CurrentAccount() accountId: string, @Param('id') id: string): Promise<TestSendReport> {
    return this.testSend.send(accountId, id);
  }

  @Post('recover')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Recover failed deliveries',
    description:
      'Every FAILED delivery of this subscription whose event lies in [since, until) is sent again, with a fresh retry ' +
      'window that starts now. `since` in the future or older than EVENT_RETENTION_DAYS, `until` in the future or ' +
      'not after `since`: 400 naming the field.',
  })
  @ApiAcceptedResponse({ type: RecoveredDto, description: 'How many deliveries were queued again' })
  @ApiProblems(400, 401, 403, 404, 415)
  recover(
    @CurrentAccount() accountId: string,
    @Param('id') id: string,
    @Body() body: RecoverDto,
  ): Promise<{ queued: number }> {
    return this.deliveries.recover(accountId, id, body);
  }
}
