import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Global, Module } from '@nestjs/common';
import { EventStore } from './event-store';
import { OutboxEventSchema } from './outbox-event.schema';
import { OutboxMetrics } from './outbox.metrics';
import { OutboxRelay } from './outbox.relay';
import { OutboxSignal } from './outbox-signal';
import { OutboxWriter } from './outbox.writer';

/** The durable event bus: writers append in the business transaction, the relay publishes. */
@Global()
@Module({
  imports: [MikroOrmModule.forFeature([OutboxEventSchema])],
  providers: [OutboxSignal, OutboxWriter, OutboxRelay, OutboxMetrics, EventStore],
  exports: [OutboxWriter, OutboxRelay, EventStore],
})
export class OutboxModule {}
