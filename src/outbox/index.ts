export { OutboxModule } from './outbox.module';
export { OutboxWriter } from './outbox.writer';
export { OnOutboxEvent } from './on-outbox-event.decorator';
export { EventStore, type EventFilter } from './event-store';
