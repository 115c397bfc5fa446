/**
 * Transactions: work queued for after the commit runs only once the outermost transaction has
 * committed, and a read done "once per transaction" is shared inside one transaction (or
 * savepoint) and never across them.
 */
import { Transactions } from '../../../src/database/transactions';
import { createTestApp, type TestApp } from '../../support/test-app';

describe('Transactions', () => {
  let t: TestApp;
  let transactions: Transactions;
  let reads = 0;
  const read = () => Promise.resolve(++reads);

  beforeAll(async () => {
    t = await createTestApp();
    transactions = t.app.get(Transactions);
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    reads = 0;
  });

  it('readOnce: one read per transaction, whatever the number of calls in it', async () => {
    const answers = await transactions.run(async () => [
      await transactions.readOnce('k', read),
      await transactions.readOnce('k', read),
      await transactions.readOnce('other', read),
    ]);
    expect(answers).toEqual([1, 1, 2]);
    expect(await transactions.run(() => transactions.readOnce('k', read))).toBe(3);
  });

  it('readOnce: a savepoint reads on its own (rolling it back releases its locks)', async () => {
    const answers = await transactions.run(async () => {
      const outer = await transactions.readOnce('k', read);
      const inner = await transactions.run(() => transactions.readOnce('k', read));
      return [outer, inner, await transactions.readOnce('k', read)];
    });
    expect(answers).toEqual([1, 2, 1]);
  });

  it('readOnce: outside a transaction every call reads', async () => {
    expect([
      await transactions.readOnce('k', read),
      await transactions.readOnce('k', read),
    ]).toEqual([1, 2]);
  });

  it('afterCommit: runs after the outermost commit, never for a savepoint that rolled back', async () => {
    const ran: string[] = [];
    await transactions.run(async () => {
      transactions.afterCommit(() => ran.push('outer'));
      await transactions
        .run(() => {
          transactions.afterCommit(() => ran.push('rolled back'));
          return Promise.reject(new Error('inner fails'));
        })
        .catch(() => undefined);
      await transactions.run(() => {
        transactions.afterCommit(() => ran.push('inner'));
        return Promise.resolve();
      });
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['outer', 'inner']);
  });
});
