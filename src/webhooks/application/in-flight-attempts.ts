import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebhooksConfig } from '../webhooks.config';
import { Clock } from '../../shared/domain';
import { DeliveriesRepository } from '../infrastructure/deliveries.repository';

const POLL_MS = 20;
/** Beyond the attempt's own timeout: time for its outcome to be recorded. */
const RECORD_MARGIN_MS = 1000;

/**
 * Waits, after a change of URL, secret or status has committed, for the attempts leased before it
 * (on any instance) to end. Later claims read the new row; these are the only ones that can still
 * use the old one. An attempt cannot outlive WEBHOOK_TIMEOUT_MS (the sender aborts it), so the wait
 * is bounded even when the instance that leased it died.
 */
@Injectable()
export class InFlightAttempts {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly clock: Clock,
    private readonly config: WebhooksConfig,
  ) {}

  async awaitSentBefore(subscriptionId: string, committedAt: Date): Promise<void> {
    const deadline = Date.now() + this.config.timeoutMs + RECORD_MARGIN_MS;
    while (Date.now() < deadline) {
      if (!(await this.deliveries.sendingSince(subscriptionId, committedAt, this.clock.now())))
        return;
      await sleep(POLL_MS);
    }
  }
}
