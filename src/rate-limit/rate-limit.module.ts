import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { HttpConfig } from '../config/http.config';
import { AccountThrottlerGuard } from './account-throttler.guard';
import { FixedWindowStorage } from './fixed-window.storage';

/**
 * RATE_LIMIT_PER_MINUTE requests per account and minute (0 turns it off); over it: 429 with
 * Retry-After. The count is per instance: behind N instances an account gets up to N times it.
 * Imported after AccountsModule so that its guard runs after authentication.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: HttpConfig): DynamicModule {
    const limit = config.rateLimitPerMinute;
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: Math.max(limit, 1) }],
          skipIf: () => limit === 0,
          storage: new FixedWindowStorage(),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: AccountThrottlerGuard }],
    };
  }
}
