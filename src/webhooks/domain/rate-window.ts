/**
 * rateLimitPerSecond counts the attempts a subscription's claims lease within a sliding window. The
 * window is a little longer than the second it stands for: an attempt starts a moment after its
 * claim (the claim's round trip), so counting leases over exactly 1 s could let a slow claim's
 * attempts and the next claim's fall into one second at the receiver. The slack absorbs that lag.
 */
export const RATE_LIMIT_SECOND_MS = 1000;
export const RATE_WINDOW_SLACK_MS = 250;
export const RATE_WINDOW_MS = RATE_LIMIT_SECOND_MS + RATE_WINDOW_SLACK_MS;
