import type { DomainEvent } from '../../shared/domain';

/** The body of every delivery of an event: the same bytes on every attempt and retry. */
export function eventEnvelope(event: DomainEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.occurredAt.toISOString(),
    accountId: event.accountId,
    data: event.payload,
  });
}
