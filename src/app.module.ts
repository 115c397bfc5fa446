import { type DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountsModule } from './accounts';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { OutboxModule } from './outbox';
import { PaymentsModule } from './payments';
import { MetricsModule } from './metrics/metrics.module';
import { QuotesModule } from './quotes';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RetentionModule } from './retention';
import { ScheduledWorkersModule } from './shared/infrastructure/scheduled-workers';
import { WebhooksModule } from './webhooks';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config.logging),
        DatabaseModule.forRoot(config.database),
        EventEmitterModule.forRoot({ ignoreErrors: false }),
        ScheduleModule.forRoot(),
        // The role decides, here and only here, whether the loops run (ADR 0011).
        ScheduledWorkersModule.forRoot({ runsLoops: config.runtime.runsLoops }),
        AccountsModule,
        RateLimitModule.forRoot(config.http),
        MetricsModule,
        OutboxModule,
        QuotesModule,
        // Webhooks first: its /payments/subscriptions routes must match before /payments/:id.
        WebhooksModule,
        PaymentsModule.forRoot(config),
        HealthModule,
        RetentionModule,
      ],
    };
  }
}
