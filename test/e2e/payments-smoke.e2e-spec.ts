import { createTestApp, type TestApp } from '../support/test-app';

describe('payments smoke', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());

  it('quote → payment → replay → get → cancel', async () => {
    const quote = (await t.http().post('/api/v1/payments/quote').send({ currency: 'INR', country: 'IN' }).expect(201)).body;
    const item = { quoteId: quote.id, externalRef: 'order-1', amount: '1250.5', beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678' }, metadata: { a: '1' } };
    const created = await t.http().post('/api/v1/payments').send({ payments: [item] });
    console.log(created.status, JSON.stringify(created.body));
    const replay = await t.http().post('/api/v1/payments').send({ payments: [item] });
    console.log(replay.status, JSON.stringify(replay.body).slice(0, 200));
    const id = created.body.results[0].payment.id;
    const got = await t.http().get(`/api/v1/payments/${id}`);
    console.log(got.status, got.body.status);
    const list = await t.http().get(`/api/v1/payments?limit=1`);
    console.log(list.status, JSON.stringify(list.body).slice(0, 100));
    const cancel = await t.http().post(`/api/v1/payments/${id}/cancel`);
    console.log(cancel.status, cancel.body.status, cancel.body.version);
    const again = await t.http().post(`/api/v1/payments/${id}/cancel`);
    console.log(again.status, again.body.code);
    const { Client } = await import('pg');
    const c = new Client(t.databaseUrl); await c.connect();
    console.log((await c.query('select type, published_at is not null as pub from outbox_event order by id')).rows);
    await new Promise((r) => setTimeout(r, 1200));
    console.log((await c.query('select type, published_at is not null as pub from outbox_event order by id')).rows);
    await c.end();
  });
});
