import { applyDecorators } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

/**
 * Subscribes a method to events relayed from the outbox, one listener per type (an array given
 * to the emitter itself would mean a namespaced path). Errors are NOT suppressed: a handler that
 * throws rolls back its work and the relay retries the event, so nothing is silently lost.
 */
export const OnOutboxEvent = (...types: string[]): MethodDecorator =>
  applyDecorators(...types.map((type) => OnEvent(type, { suppressErrors: false })));
