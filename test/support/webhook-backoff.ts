/** The retry backoff of API.md, measured from a delivery's attempts. */
import type { AttemptView } from './webhook-api';

/**
 * The pauses the dispatcher made between attempts: from the end of one (its start plus its
 * duration, when the backoff was computed) to the start of the next, in ms.
 */
export function waitsBetween(attempts: readonly AttemptView[]): number[] {
  const waits: number[] = [];
  for (let i = 1; i < attempts.length; i++) {
    const previousEnd = Date.parse(attempts[i - 1].attemptedAt) + attempts[i - 1].durationMs;
    waits.push(Date.parse(attempts[i].attemptedAt) - previousEnd);
  }
  return waits;
}

/**
 * The backoff bounds of API.md: the n-th retry (1-based) waits base × 2^(n-1), ±20% jitter.
 * Waits are measured in real time, so only the lower bound is exact (the dispatcher never sends
 * before the due time). It also carries the growth: the n-th wait is at least 0.8 × 2 = 1.6 times
 * the (n-1)-th nominal wait, above the 1.2 times the (n-1)-th may be scheduled at. Above the
 * nominal, the dispatcher may be late by its poll interval and a busy machine: `slackMs` bounds
 * that lateness only. (Comparing measured waits with each other can fail by chance on a loaded
 * machine: one late attempt makes its wait longer than the next one.)
 */
export function expectBackoff(
  waits: readonly number[],
  baseMs: number,
  options: { slackMs?: number } = {},
): void {
  const slackMs = options.slackMs ?? 1_500;
  waits.forEach((wait, i) => {
    const nominal = baseMs * 2 ** i;
    // Never earlier than the backoff allows (a few ms for timestamps stored to the millisecond).
    expect({ retry: i + 1, wait, atLeast: wait >= nominal * 0.8 - 5 }).toEqual({
      retry: i + 1,
      wait,
      atLeast: true,
    });
    expect({ retry: i + 1, wait, atMost: wait <= nominal * 1.2 + slackMs }).toEqual({
      retry: i + 1,
      wait,
      atMost: true,
    });
  });
}
