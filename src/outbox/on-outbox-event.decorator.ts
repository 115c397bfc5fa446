import { OnEvent } from '@nestjs/event-emitter';

/**
 * Subscribes a method to events relayed from the outbox. Errors are NOT suppressed: a handler
 * that throws rolls back its work and the relay retries the event, so nothing is silently lost.
 */
export const OnOutboxEvent = (type: string | string[]) => OnEvent(type, { suppressErrors: false });
