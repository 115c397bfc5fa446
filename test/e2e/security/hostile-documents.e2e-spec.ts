/**
 * The body generator of the hostile-input suite makes trees: no object reachable twice in one
 * document (so none contains itself and JSON.stringify never throws), and no object shared
 * between two documents (a later mutation would change an earlier case behind its back).
 * DOCUMENTS_SEED replays a run.
 */
import fc from 'fast-check';
import { testSeed } from '../../support/seeds';
import type { Json } from './hostile-case-types';
import { hostileDocument } from './hostile-documents';

const TEMPLATES: Json[] = [
  { currency: 'USD', country: 'US' },
  { name: 'Acme' },
  {
    atomic: false,
    payments: [
      {
        quoteId: 'q',
        externalRef: 'r',
        amount: '100.00',
        beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678' },
        metadata: { orderId: '8812' },
      },
    ],
  },
  { callbackUrl: 'http://127.0.0.1:9/hooks', eventTypes: ['payment.created', 'payment.paid'] },
];

/** Every object and array of `doc`; throws when one is reached a second time. */
function containersOf(doc: Json, seen = new Set<object>()): Set<object> {
  if (doc === null || typeof doc !== 'object') return seen;
  if (seen.has(doc)) throw new Error('an object is reachable twice');
  seen.add(doc);
  for (const value of Object.values(doc)) containersOf(value, seen);
  return seen;
}

describe('hostile documents', () => {
  const seed = testSeed('DOCUMENTS_SEED', 20_261_201);

  it.each(TEMPLATES.map((t, i) => [i, t] as const))(
    'template %i: every document is a tree and shares no object with another document',
    (index, template) => {
      const everSeen = new Set<object>([template as object]);
      fc.assert(
        fc.property(hostileDocument(template), (doc) => {
          const mine = containersOf(doc);
          expect(() => JSON.stringify(doc)).not.toThrow();
          for (const c of mine) if (everSeen.has(c)) return false;
          for (const c of mine) everSeen.add(c);
          return true;
        }),
        { numRuns: 3_000, seed: seed + index },
      );
    },
  );
});
