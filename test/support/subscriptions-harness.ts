/**
 * The set-up the webhook subscription e2e files share: the app (with an admin key, to make a
 * second account), a callback URL allowed outside production, and the check of a refused
 * subscription (400 with its code, nothing stored).
 */
import { randomBytes } from 'node:crypto';
import { createAccount } from './payments-api';
import { usePaymentsApp } from './payments-db';
import { ADMIN_KEY } from './test-app';
import type { Http } from './payments-types';
import { expectProblem } from './problem-assertions';
import { postSubscribe } from './webhook-api';

/** Outside production http://127.0.0.1 is allowed (WEBHOOK_ALLOW_PRIVATE_URLS defaults to true). */
export const URL_OK = 'http://127.0.0.1:9/hooks';
export const secretOf = (bytes: number) => `whsec_${randomBytes(bytes).toString('base64')}`;

export function useSubscriptionsApp() {
  const ctx = usePaymentsApp({ ADMIN_API_KEY: ADMIN_KEY });
  const http: Http = () => ctx.t.http();

  const subscriptionRows = async (): Promise<number> =>
    Number((await ctx.db.query('select count(*) as n from webhook_subscription')).rows[0].n);

  /** A 400 with this code, and nothing stored. */
  async function expectRefused(body: unknown, code: string, field?: string): Promise<void> {
    const before = await subscriptionRows();
    const res = await postSubscribe(http, body);
    expectProblem(res, 400, code);
    if (field)
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContainEqual(
        expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}`)),
      );
    expect(await subscriptionRows()).toBe(before);
  }

  const newAccount = (name: string) => createAccount(ctx.t, ADMIN_KEY, name);

  return { ctx, http, subscriptionRows, expectRefused, newAccount };
}
