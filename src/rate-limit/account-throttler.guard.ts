import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../shared/http/request-context';

/**
 * Limits requests per API key (its account), not per IP: many clients share NATs, and one
 * client's key must not borrow another's budget. Unauthenticated routes fall back to the IP.
 */
@Injectable()
export class AccountThrottlerGuard extends ThrottlerGuard {
  /** One budget per account across every route (the default key would add the route's name). */
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    throttlerName: string,
  ): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as AuthenticatedRequest;
    return Promise.resolve(
      request.accountId ? `account:${request.accountId}` : `ip:${request.ip ?? 'unknown'}`,
    );
  }
}
