import type { DomainEvent } from '../../shared/domain';

/** What every delivery of an event carries, and what the events API answers: one shape, one key order. */
export function envelopeOf(event: DomainEvent) {
  return {
    id: event.id,
    type: event.type,
    createdAt: event.occurredAt.toISOString(),
    accountId: event.accountId,
    data: event.payload,
  };
}

export type EventEnvelope = ReturnType<typeof envelopeOf>;

/** The body of every delivery of an event: the same bytes on every attempt and retry. */
export function eventEnvelope(event: DomainEvent): string {
  return JSON.stringify(envelopeOf(event));
}
