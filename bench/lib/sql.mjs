// The service's own SQL, copied here so the ceilings run exactly the statements it runs (with
// positional parameters instead of MikroORM's `?`). Keep in sync with:
//   src/quotes/infrastructure/locked-quote-reservations.ts (reserve: the quote row locked, then used)
// The payment insert and the outbox append are not copied: they are imported from the build
// (payments.sql.ts, outbox.sql.ts), see below.
// The claim is not copied: claimDue below imports the service's own statement.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { ROOT } from './service.mjs';

export const QUOTE_COLUMNS = `id, account_id as "accountId", currency, country, fee_minor as "feeMinor",
  expires_at as "expiresAt", created_at as "createdAt", used_at as "usedAt"`;

/** What the service's em.findOne by id selects: every column of the row. */
export const SELECT_PAYMENT_BY_ID = 'select * from payment where id = $1 and account_id = $2';

/** MikroORM's `?` placeholders numbered for pg. */
const numbered = (sql) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

let statements;
/** The service's own statements, from the build the bench has just made (`npm run build`). */
async function serviceStatements() {
  if (!statements) {
    const load = async (...path) => {
      const mod = await import(pathToFileURL(join(ROOT, 'dist', 'src', ...path)).href);
      return mod.default ?? mod;
    };
    const payments = await load('payments', 'infrastructure', 'payments.sql.js');
    const outbox = await load('outbox', 'outbox.sql.js');
    statements = {
      insertNew: numbered(payments.INSERT_NEW_PAYMENTS),
      appendEvent: numbered(outbox.appendEventsStatement(1)),
    };
  }
  return statements;
}

const require = createRequire(import.meta.url);

/**
 * The dispatcher's claim: not a copy but the very statement the built service runs
 * (src/webhooks/infrastructure/claim-due.sql.ts, from dist/ like the service itself), with
 * $n placeholders. Returns `{ sql, params }`.
 */
export function claimDue(values) {
  const { claimDueStatement } = require('../../dist/src/webhooks/infrastructure/claim-due.sql.js');
  const { RATE_WINDOW_MS } = require('../../dist/src/webhooks/domain/rate-window.js');
  return claimDueStatement({ windowMs: RATE_WINDOW_MS, ...values }, 'dollar');
}

export const BENEFICIARY = {
  name: 'Asha Rao',
  accountNumber: '50100012345678',
  bankCode: 'HDFC0000123',
};

/** One payment item as the API takes it. */
export function paymentItem(quoteId, externalRef) {
  return {
    quoteId,
    externalRef,
    amount: '1250.50',
    beneficiary: BENEFICIARY,
    reference: `Invoice ${externalRef}`,
    purpose: 'SUPPLIER_PAYMENT',
    metadata: { orderId: externalRef },
  };
}

/** Inserts `count` unused INR/IN quotes for the account straight into the table (ceiling input). */
export async function insertQuotes(pool, accountId, count) {
  const { rows } = await pool.query(
    `insert into quote (id, account_id, currency, country, fee_minor, expires_at, created_at, used_at)
     select gen_random_uuid(), $1, 'INR', 'IN', 2500, now() + interval '1 day', now(), null
     from generate_series(1, $2) returning id`,
    [accountId, count],
  );
  return rows.map((r) => r.id);
}

/** The create-payment transaction, statement for statement, through one pg client. */
export async function paymentTransaction(client, accountId, quoteId, externalRef) {
  const now = new Date();
  await client.query('begin');
  try {
    const { rows } = await client.query(
      `select ${QUOTE_COLUMNS} from quote where id in ($1) order by id for update`,
      [quoteId],
    );
    const quote = rows[0];
    if (!quote || quote.usedAt) throw new Error(`quote ${quoteId} not usable`);
    await client.query('update quote set used_at = $1 where account_id = $2 and id in ($3)', [
      now,
      accountId,
      quoteId,
    ]);
    const id = uuidv7();
    const iso = now.toISOString();
    const view = {
      id,
      externalRef,
      quoteId,
      status: 'PENDING',
      amount: '1250.50',
      currency: 'INR',
      country: 'IN',
      fee: { amount: '25.00', currency: 'INR' },
      beneficiary: BENEFICIARY,
      reference: `Invoice ${externalRef}`,
      purpose: 'SUPPLIER_PAYMENT',
      metadata: { orderId: externalRef },
      failureReason: null,
      version: 1,
      createdAt: iso,
      updatedAt: iso,
    };
    const { insertNew, appendEvent } = await serviceStatements();
    const row = {
      id,
      account_id: accountId,
      external_ref: externalRef,
      quote_id: quoteId,
      status: 'PENDING',
      amount_minor: '125050',
      currency: 'INR',
      country: 'IN',
      fee_minor: '2500',
      beneficiary: BENEFICIARY,
      reference: view.reference,
      purpose: view.purpose,
      metadata: view.metadata,
      failure_reason: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await client.query(insertNew, [JSON.stringify([row])]);
    await client.query(appendEvent, [
      uuidv7(),
      'payment.created',
      id,
      accountId,
      JSON.stringify(view),
      now,
      now,
    ]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
