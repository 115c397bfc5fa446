import type { ItemOutcome } from '../application/create-payments/payment-request';

/** 207 when any item was rejected, 200 when every item was a replay, else 201. */
export function batchStatus(results: readonly ItemOutcome[]): 200 | 201 | 207 {
  if (results.some((r) => r.outcome === 'REJECTED')) return 207;
  return results.every((r) => r.outcome === 'REPLAYED') ? 200 : 201;
}
