/**
 * Tenant isolation: account B pays with A's quote (not found, exactly like an unknown quote), lists
 * (nothing of A's), names another account in AccountId (the one 403), and may reuse A's externalRef;
 * none of A's rows moves.
 */
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { report } from './security-kit';
import { P, useTenantPair } from './tenant-pair';

describe('tenant isolation: account B with account A quotes, lists and keys', () => {
  const pair = useTenantPair();
  const { A, b, stateOfA, untouchedSince, shape } = pair;

  it("B's payments with A's quote and B's lists see nothing of A's; an AccountId of another account is a 403; A is untouched", async () => {
    const unknown = uuidv7();
    const expectUntouched = await untouchedSince();

    const rows: Record<string, unknown>[] = [];
    // Payments: A's quote is "not found" for B, exactly like an unknown quote, in both modes.
    const item = (quoteId: string) => ({
      quoteId,
      externalRef: `b-${randomUUID().slice(0, 8)}`,
      amount: '5.00',
      beneficiary: { name: 'B', accountNumber: '1', bankCode: '021000021' },
    });
    const perItemA = await b().post(P, { payments: [item(A.quoteId)] });
    const perItemUnknown = await b().post(P, { payments: [item(unknown)] });
    const atomicA = await b().post(P, { atomic: true, payments: [item(A.quoteId)] });
    const atomicUnknown = await b().post(P, { atomic: true, payments: [item(unknown)] });
    rows.push({
      name: "POST /payments with A's quote",
      perItem: `${perItemA.status} ${perItemA.body.results?.[0]?.error?.code}`,
      atomic: `${atomicA.status} ${atomicA.body.errors?.[0]?.code}`,
    });
    expect(perItemA.status).toBe(207);
    expect(perItemA.body.results[0].error.code).toBe('quote-not-found');
    expect(shape(perItemA).results[0].error.code).toEqual(
      shape(perItemUnknown).results[0].error.code,
    );
    expect(atomicA.status).toBe(atomicUnknown.status);
    expect(atomicA.body.errors.map((e: { code: string }) => e.code)).toEqual(
      atomicUnknown.body.errors.map((e: { code: string }) => e.code),
    );
    expect(atomicA.body.errors[0].code).toBe('quote-not-found');

    // Lists show B nothing of A's.
    const listByRef = await b()
      .get(`${P}?externalRef=${encodeURIComponent(A.externalRef)}`)
      .expect(200);
    const listAll = await b().get(`${P}?limit=100`).expect(200);
    const subs = await b().get(`${P}/subscriptions?limit=100`).expect(200);
    rows.push({
      name: 'lists',
      paymentsByRef: listByRef.body.data.length,
      paymentsOfB: listAll.body.data.length,
      subscriptionsOfB: subs.body.data.length,
    });
    expect(listByRef.body.data).toEqual([]);
    expect(listAll.body.data.map((p: { id: string }) => p.id)).not.toContain(A.paymentId);
    expect(subs.body.data.map((s: { id: string }) => s.id)).toEqual([pair.subscriptionB]);

    // The AccountId header naming A with B's key is the one 403: it names B's own mistake.
    const mismatch = await b().get(`${P}/${A.paymentId}`).set('AccountId', 'a-different-account');
    rows.push({
      name: 'AccountId header of another account',
      status: mismatch.status,
      code: mismatch.body.code,
    });
    expect(mismatch.status).toBe(403);

    await expectUntouched('tenant isolation: quotes, lists, AccountId', rows);
  });

  it("B may use A's externalRef for its own payment: idempotency keys are per account", async () => {
    const quote = (await b().post(`${P}/quote`, { currency: 'USD', country: 'US' }).expect(201))
      .body.id;
    const before = await stateOfA();
    const res = await b().post(P, {
      payments: [
        {
          quoteId: quote,
          externalRef: A.externalRef,
          amount: '77.00',
          beneficiary: { name: 'B', accountNumber: '9', bankCode: '021000021' },
        },
      ],
    });
    report('tenant isolation: shared externalRef', {
      status: res.status,
      outcome: res.body.results?.[0]?.outcome,
    });
    expect(res.status).toBe(201);
    expect(res.body.results[0].outcome).toBe('CREATED');
    expect(res.body.results[0].payment.id).not.toBe(A.paymentId);
    expect(await stateOfA()).toEqual(before);
  });
});
