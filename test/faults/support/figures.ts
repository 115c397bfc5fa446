/**
 * The end-of-scenario checks shared by the fault tests: what the client saw committed against
 * what the database holds, and what the database committed as events against what the receiver
 * got.
 */
import type { Client } from 'pg';
import type { CountingReceiver } from './counting-receiver';
import type { PaymentTraffic } from './traffic';

export interface Ledger {
  /** Payments the client saw committed (201/200). */
  committed: number;
  /** Of those, how many the database does not hold. */
  lost: number;
  /** externalRefs held more than once. */
  duplicates: number;
  paymentsInDb: number;
  /** Events (outbox rows). */
  eventsCommitted: number;
  /** Events the receiver answered 200 for. */
  delivered: number;
  /** Events committed and never received. */
  eventsLost: number;
  /** Receptions beyond the first (at-least-once allows them). */
  webhookDuplicates: number;
  /** Payments without their payment.created event. */
  paymentsWithoutEvent: number;
  lostRefs: string[];
  undeliveredEvents: string[];
}

export async function ledger(
  db: Client,
  traffic: PaymentTraffic,
  receiver: CountingReceiver,
  prefix: string,
): Promise<Ledger> {
  const { rows: payments } = await db.query<{ external_ref: string; n: string }>(
    'select external_ref, count(*) as n from payment where external_ref like $1 group by external_ref',
    [`${prefix}-%`],
  );
  const held = new Map(payments.map((p) => [p.external_ref, Number(p.n)]));
  const lostRefs = [...traffic.committed.keys()].filter((ref) => !held.has(ref));
  const { rows: events } = await db.query<{ id: string }>('select id from outbox_event');
  const undeliveredEvents = events.map((e) => e.id).filter((id) => !receiver.received.has(id));
  const { rows: orphan } = await db.query<{ n: string }>(
    "select count(*) as n from payment p where not exists (select 1 from outbox_event e where e.aggregate_id = p.id and e.type = 'payment.created')",
  );
  return {
    committed: traffic.committed.size,
    lost: lostRefs.length,
    duplicates: [...held.values()].filter((n) => n > 1).length,
    paymentsInDb: held.size,
    eventsCommitted: events.length,
    delivered: events.length - undeliveredEvents.length,
    eventsLost: undeliveredEvents.length,
    webhookDuplicates: receiver.duplicates,
    paymentsWithoutEvent: Number(orphan[0].n),
    lostRefs: lostRefs.slice(0, 10),
    undeliveredEvents: undeliveredEvents.slice(0, 10),
  };
}

/**
 * Waits until every committed event has been received (or the time is up); returns the wait.
 * `extraDone` is asked first, then the events are read: work that commits events in the
 * background (the payout simulator settling a payment) and makes `extraDone` true has then
 * committed them before the read, so none can be left out of the check.
 */
export async function drain(
  db: Client,
  receiver: CountingReceiver,
  timeoutMs: number,
  extraDone: () => Promise<boolean> = async () => true,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const done = await extraDone();
    const { rows } = await db.query<{ id: string }>('select id from outbox_event');
    if (done && rows.every((r) => receiver.received.has(r.id))) return Date.now() - started;
    if (Date.now() - started > timeoutMs) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function report(label: string, figures: Record<string, unknown>): void {
  // eslint-disable-next-line no-console
  console.log(`${label}: ${JSON.stringify(figures)}`);
}
