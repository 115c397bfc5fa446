import { Module } from '@nestjs/common';
import { RetentionWorker } from './retention.worker';

/** The clean-up of events, deliveries and attempts past EVENT_RETENTION_DAYS (ADR 0016). */
@Module({ providers: [RetentionWorker], exports: [RetentionWorker] })
export class RetentionModule {}
