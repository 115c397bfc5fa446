import { Client } from 'pg';
import { claimDueStatement } from '../../../src/webhooks/infrastructure/claim-due.sql';
import { createTestDatabase } from '../../support/test-database';

const ACCOUNT = '00000000-0000-7000-8000-000000000001';
const DUE_ROWS = 20_000;

/**
 * The claim walks the due index to its first batch whatever the planner's statistics say. With
 * one subscription holding every due row (a receiver back from an outage), the filter on the
 * subscriptions at their cap once looked like it removed every row, and each claim sorted the
 * whole backlog.
 */
describe('the dispatcher claim plan', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: await createTestDatabase() });
    await db.connect();
  });
  afterAll(() => db.end());

  async function planWithDueRows(subscriptions: number): Promise<string> {
    await db.query('truncate webhook_delivery, webhook_subscription cascade');
    const ids: string[] = [];
    for (let i = 1; i <= subscriptions; i++) {
      const { rows } = await db.query<{ id: string }>(
        `insert into webhook_subscription (id, account_id, callback_url, event_types, secret, status, created_at, updated_at)
         values (gen_random_uuid(), $1, 'https://example.com/hook', '{payment.created}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'ACTIVE', now(), now())
         returning id`,
        [ACCOUNT],
      );
      ids.push(rows[0].id);
    }
    await db.query(
      `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, next_attempt_at, event_created_at, created_at, updated_at)
       select gen_random_uuid(), ($1::uuid[])[1 + i % cardinality($1::uuid[])], $2, gen_random_uuid(), 'payment.created', '{}', 'PENDING', 0, now() - interval '1 minute', now(), now(), now()
       from generate_series(1, $3) as i`,
      [ids, ACCOUNT, DUE_ROWS],
    );
    await db.query('analyze webhook_delivery, webhook_subscription');
    const now = new Date();
    const { sql, params } = claimDueStatement(
      {
        now,
        leaseUntil: new Date(now.getTime() + 30_000),
        leaseId: '00000000-0000-7000-8000-0000000000ff',
        limit: 25,
        cap: 10,
        windowMs: 1000,
      },
      'dollar',
    );
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  it.each([1, 2, 20])(
    'uses the due index with %i subscription(s) holding 20,000 due rows',
    async (n) => {
      const plan = await planWithDueRows(n);
      expect(plan).toMatch(/Index Scan using webhook_delivery_due_idx on webhook_delivery/);
      expect(plan).not.toMatch(/Seq Scan on webhook_delivery /);
    },
  );
});
