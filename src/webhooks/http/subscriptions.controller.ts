import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyAuth } from '../../shared/http/api-auth.decorator';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { PageQuery } from '../../shared/http/page.query';
import { CurrentAccount } from '../../shared/http/request-context';
import { DeliveriesService } from '../application/deliveries.service';
import { SubscriptionsService } from '../application/subscriptions.service';
import type { Page } from '../../shared/application/page-cursor';
import type { DeliveryStatus, DeliveryView } from '../domain/delivery';
import type { SubscriptionView } from '../domain/subscription';
import {
  DeliveriesQuery,
  DeliveryDto,
  DeliveryPageDto,
  SubscribeDto,
  SubscriptionCreatedDto,
  SubscriptionDto,
  RotatedSecretDto,
  RotateSecretDto,
  SubscriptionPageDto,
  UpdateSubscriptionDto,
} from './subscription.dto';

@ApiTags('Webhooks')
@ApiKeyAuth()
@Controller('api/v1/payments')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Post('subscribe')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Subscribe to payment events',
    description:
      'Every payment event of the chosen types is POSTed to `callbackUrl`, signed with the Standard Webhooks scheme ' +
      '(`webhook-id`, `webhook-timestamp`, `webhook-signature`). Only an HTTP 200 counts as delivered; anything else is retried ' +
      'with exponential backoff for up to 7 days. The `secret` is shown in this answer only.',
  })
  @ApiCreatedResponse({
    type: SubscriptionCreatedDto,
    description: 'The subscription, with its secret (shown only here)',
  })
  @ApiProblems(400, 401, 403, 413, 415)
  subscribe(
    @CurrentAccount() accountId: string,
    @Body() body: SubscribeDto,
  ): Promise<SubscriptionView> {
    return this.subscriptions.subscribe(accountId, body);
  }

  @Get('subscriptions')
  @ApiOperation({
    summary: 'List subscriptions',
    description: 'Subscriptions (ACTIVE, PAUSED or DISABLED; deleted ones are gone), newest first.',
  })
  @ApiOkResponse({
    type: SubscriptionPageDto,
    description: 'A page of subscriptions, newest first',
  })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentAccount() accountId: string,
    @Query() query: PageQuery,
  ): Promise<Page<SubscriptionView>> {
    return this.subscriptions.list(accountId, query.limit, query.cursor);
  }

  @Get('subscriptions/:id')
  @ApiOperation({
    summary: 'Retrieve a subscription',
    description:
      "The subscription, without its secret. Another account's subscription answers 404.",
  })
  @ApiOkResponse({ type: SubscriptionDto, description: 'The subscription' })
  @ApiProblems(401, 403, 404)
  async get(
    @CurrentAccount() accountId: string,
    @Param('id') id: string,
  ): Promise<SubscriptionView> {
    return (await this.subscriptions.get(accountId, id)).toView();
  }

  @Patch('subscriptions/:id')
  @ApiOperation({
    summary: 'Update a subscription',
    description:
      'Changes the URL, event types, description, rate limit or status (ACTIVE / PAUSED) under the creation rules; ' +
      'a refused field answers 400 naming it, and nothing changes. While PAUSED (or DISABLED by the service) new ' +
      'events still create deliveries, which wait; back to ACTIVE, they go out oldest event first, and those older ' +
      'than the retry window become FAILED. Every undelivered delivery goes to the new URL.',
  })
  @ApiOkResponse({ type: SubscriptionDto, description: 'The subscription, without its secret' })
  @ApiProblems(400, 401, 403, 404, 415)
  update(
    @CurrentAccount() accountId: string,
    @Param('id') id: string,
    @Body() body: UpdateSubscriptionDto,
  ): Promise<SubscriptionView> {
    return this.subscriptions.update(accountId, id, body);
  }

  @Post('subscriptions/:id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'Replaces the secret. For `overlapSeconds` (default 86400, at most 604800) every attempt is signed with both ' +
      'secrets (`webhook-signature: v1,<new> v1,<old>`), so a receiver verifies with either while it switches; after ' +
      'that, with the new one only. A rotation during an overlap ends the older overlap at once. The new secret is ' +
      'shown in this answer only; the previous one is never shown.',
  })
  @ApiOkResponse({
    type: RotatedSecretDto,
    description: 'The new secret and when the previous one stops signing',
  })
  @ApiProblems(400, 401, 403, 404, 415)
  rotateSecret(
    @CurrentAccount() accountId: string,
    @Param('id') id: string,
    @Body() body: RotateSecretDto,
  ): Promise<{ secret: string; previousSecretExpiresAt: string }> {
    return this.subscriptions.rotateSecret(accountId, id, body);
  }

  @Delete('subscriptions/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a subscription',
    description: 'Its undelivered deliveries stop.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  delete(@CurrentAccount() accountId: string, @Param('id') id: string): Promise<void> {
    return this.subscriptions.delete(accountId, id);
  }

  @Get('subscriptions/:id/deliveries')
  @ApiOperation({
    summary: 'List deliveries',
    description:
      'Deliveries of this subscription with every attempt (time, HTTP status, duration, error), newest first.',
  })
  @ApiOkResponse({ type: DeliveryPageDto, description: 'A page of deliveries, newest first' })
  @ApiProblems(400, 401, 403, 404)
  deliveriesOf(
    @CurrentAccount() accountId: string,
    @Param('id') id: string,
    @Query() query: DeliveriesQuery,
  ): Promise<Page<DeliveryView>> {
    return this.deliveries.list(
      accountId,
      id,
      // DeliveriesQuery admits the four statuses only.
      { status: query.status as DeliveryStatus | undefined },
      query.limit,
      query.cursor,
    );
  }

  @Post('subscriptions/:id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Retry a delivery now',
    description: 'Sends the delivery again at once, even a FAILED or DELIVERED one.',
  })
  @ApiAcceptedResponse({ type: DeliveryDto, description: 'The delivery, due again now' })
  @ApiProblems(400, 401, 403, 404, 413, 415)
  retry(
    @CurrentAccount() accountId: string,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<DeliveryView> {
    return this.deliveries.retry(accountId, id, deliveryId);
  }
}
