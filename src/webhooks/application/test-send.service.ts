import { Injectable } from '@nestjs/common';
import { WebhooksConfig } from '../webhooks.config';
import { Clock, newId } from '../../shared/domain';
import { isDelivered } from '../domain/delivery';
import { SubscriptionsService } from './subscriptions.service';
import { WebhookTransport } from './webhook-ports';

export interface TestSendReport {
  delivered: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/**
 * Sends one signed `webhook.test` event now and reports that single attempt. It is not stored
 * and not retried, and it works in any status: an integrator checks a receiver before resuming.
 */
@Injectable()
export class TestSendService {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly transport: WebhookTransport,
    private readonly clock: Clock,
    private readonly config: WebhooksConfig,
  ) {}

  async send(accountId: string, subscriptionId: string): Promise<TestSendReport> {
    const subscription = await this.subscriptions.get(accountId, subscriptionId);
    const now = this.clock.now();
    const id = newId();
    const body = JSON.stringify({
      id,
      type: 'webhook.test',
      createdAt: now.toISOString(),
      accountId,
      data: { subscriptionId: subscription.id },
    });
    const result = await this.transport.send({
      url: subscription.callbackUrl,
      secrets: subscription.signingSecrets(now),
      messageId: id,
      body,
      timeoutMs: this.config.timeoutMs,
    });
    return {
      delivered: isDelivered(result),
      statusCode: result.statusCode,
      durationMs: Math.round(result.durationMs),
      error: result.error,
    };
  }
}
