import type { EntityManager, QueryResult } from '@mikro-orm/postgresql';

/**
 * The retention deletes, one bounded batch each (bound in order: the cutoff, then the batch size). Each picks
 * its rows through an index of its own (migration retention_indexes) and deletes them by primary
 * key, so a statement touches at most a batch of rows, holds their row locks only for itself and never
 * rewrites a table. `skip locked` leaves a row the dispatcher or the relay holds for a later pass.
 * The bench (bench/phases/retention.mjs) runs these very strings.
 */
export const TERMINAL_STATUSES = `('DELIVERED', 'FAILED', 'CANCELLED')`;

/** Attempts are history: older than the retention they go, whatever their delivery's state. */
export const DELETE_OLD_ATTEMPTS = `delete from webhook_attempt where id in (
  select id from webhook_attempt where attempted_at < ?
  order by attempted_at limit ? for update skip locked)`;

/**
 * Finished deliveries of events older than the retention, with the attempts they still have (a
 * manual retry's recent ones). A PENDING delivery (a paused subscription's) is never deleted.
 */
export const DELETE_OLD_DELIVERIES = `with doomed as (
  select id from webhook_delivery
  where status in ${TERMINAL_STATUSES} and event_created_at < ?
  order by event_created_at limit ? for update skip locked
), attempts as (
  delete from webhook_attempt where delivery_id in (select id from doomed)
)
delete from webhook_delivery where id in (select id from doomed)`;

/**
 * Published events older than the retention. An event with a delivery still PENDING stays (its
 * envelope is what that delivery will send, and the events API shows it until it is done); it
 * goes at the first pass after its last delivery finishes. Unpublished rows are never touched.
 */
export const DELETE_OLD_EVENTS = `delete from outbox_event where id in (
  select e.id from outbox_event e
  where e.published_at is not null and e.occurred_at < ?
    and not exists (select 1 from webhook_delivery d where d.event_id = e.id and d.status = 'PENDING')
  order by e.occurred_at limit ? for update of e skip locked)`;

export const RETENTION_DELETES = {
  attempts: DELETE_OLD_ATTEMPTS,
  deliveries: DELETE_OLD_DELIVERIES,
  events: DELETE_OLD_EVENTS,
} as const;

export type RetainedTable = keyof typeof RETENTION_DELETES;

/** Runs one table's delete in a transaction of its own; the rows it deleted. */
export async function deleteOld(
  em: EntityManager,
  table: RetainedTable,
  cutoff: Date,
  batch: number,
): Promise<number> {
  const result = await em
    .fork()
    .execute<QueryResult>(RETENTION_DELETES[table], [cutoff, batch], 'run');
  return result.affectedRows;
}
