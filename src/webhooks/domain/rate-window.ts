/**
 * rateLimitPerSecond counts the attempts a subscription's claims lease within a sliding window. The
 * window is a little longer than the second it stands for: an attempt starts a moment after its
 * claim (the claim's round trip), so counting leases over exactly 1 s could let a slow claim's
 * attempts and the next claim's fall into one second at the receiver. The slack absorbs that lag.
 */
export const RATE_LIMIT_SECOND_MS = 1000;
export const RATE_WINDOW_SLACK_MS = 500;
export const RATE_WINDOW_MS = RATE_LIMIT_SECOND_MS + RATE_WINDOW_SLACK_MS;

/**
 * The window counts leases at the claim's time; a rate-limited attempt that would start later than
 * the slack after it (a claim slowed by a loaded machine) could share a second with the next
 * claim's, so it is not started: its lease is handed back and a later claim counts it again.
 */
export const startsTooLate = (claimedAt: Date, startAt: Date): boolean =>
  startAt.getTime() - claimedAt.getTime() > RATE_WINDOW_SLACK_MS;
