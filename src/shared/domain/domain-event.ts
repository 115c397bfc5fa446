/**
 * A fact a domain recorded. `payload` is plain JSON (the aggregate as it is after the change),
 * because the event outlives the process that made it: it is stored in the outbox and relayed.
 */
export interface DomainEvent<P extends object = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly accountId: string;
  readonly occurredAt: Date;
  readonly payload: P;
}
