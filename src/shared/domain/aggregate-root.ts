import type { DomainEvent } from './domain-event';

/**
 * Holds the events an aggregate recorded until its repository writes them with it. The list is
 * made on first use: the ORM rebuilds a stored aggregate without running its constructor.
 */
export abstract class AggregateRoot {
  private pendingEvents?: DomainEvent[];

  protected record(event: DomainEvent): void {
    (this.pendingEvents ??= []).push(event);
  }

  /** Hands the recorded events to the caller (the repository) and forgets them. */
  pullEvents(): DomainEvent[] {
    const events = this.pendingEvents ?? [];
    this.pendingEvents = [];
    return events;
  }
}
