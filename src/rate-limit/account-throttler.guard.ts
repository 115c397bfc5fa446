import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../shared/http/request-context';

/**
 * Limits requests per API key (its account), not per IP: many clients share NATs, and one
 * client's key must not borrow another's budget. Unauthenticated routes fall back to the IP.
 */
@Injectable()
export class AccountThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as AuthenticatedRequest;
    return Promise.resolve(
      request.accountId ? `account:${request.accountId}` : `ip:${request.ip ?? 'unknown'}`,
    );
  }
}
