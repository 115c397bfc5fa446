/**
 * The check of every malformed POST /api/v1/payments: a 400 naming exactly the fields, and nothing
 * written (no payment, no event, no quote used).
 */
import type { PaymentsContext } from './payments-db';
import { quoteUsedAt, writeCounts } from './payments-db';
import { expectProblem, expectValidationFailed } from './problem-assertions';

/** Posts a body that must be refused with 400 naming `fields`, and checks nothing was written. */
export function refusedWithNothingWritten(ctx: PaymentsContext) {
  return async function expectRefusedWithNothingWritten(
    body: unknown,
    fields: string[],
    quoteIds: string[] = [],
  ): Promise<void> {
    const before = await writeCounts(ctx.db);
    const res = await ctx.t
      .http()
      .post('/api/v1/payments')
      .send(body as object);
    expectProblem(res, 400, 'validation-failed');
    expect(await writeCounts(ctx.db)).toEqual(before);
    for (const id of quoteIds) expect(await quoteUsedAt(ctx.db, id)).toBeNull();
    expectValidationFailed(res, fields);
  };
}
