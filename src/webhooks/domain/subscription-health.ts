/** What the attempts of one dispatcher pass tell about a subscription's receiver. */
export interface HealthInput {
  /** The first failed attempt since the last success (before this pass), or null. */
  failingSince: Date | null;
  /** This pass's attempts to the subscription, in any order. */
  attempts: readonly { at: Date; delivered: boolean; statusCode: number | null }[];
  now: Date;
  disableAfterMs: number;
}

export interface HealthVerdict {
  failingSince: Date | null;
  /** Why the subscription must be disabled now, or null. */
  disable: string | null;
}

/**
 * Auto-disable (API.md "Webhook operations"): a receiver that answers 410 Gone is disabled at
 * once; one whose attempts have all failed for `disableAfterMs` (its first failure since its last
 * success is that old, nothing succeeded since) is disabled too. Any success clears the record.
 */
export function judgeHealth({
  failingSince,
  attempts,
  now,
  disableAfterMs,
}: HealthInput): HealthVerdict {
  if (attempts.some((a) => a.statusCode === 410)) {
    return { failingSince: failingSince ?? now, disable: 'the receiver answered 410 Gone' };
  }
  const succeeded = attempts.filter((a) => a.delivered);
  if (succeeded.length > 0) {
    const lastSuccess = Math.max(...succeeded.map((a) => a.at.getTime()));
    const laterFailures = attempts.filter((a) => !a.delivered && a.at.getTime() > lastSuccess);
    return { failingSince: earliest(laterFailures.map((a) => a.at)), disable: null };
  }
  const since = failingSince ?? earliest(attempts.map((a) => a.at));
  if (since && now.getTime() - since.getTime() >= disableAfterMs) {
    return {
      failingSince: since,
      disable: `every attempt has failed since ${since.toISOString()}`,
    };
  }
  return { failingSince: since, disable: null };
}

function earliest(dates: readonly Date[]): Date | null {
  return dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null;
}
