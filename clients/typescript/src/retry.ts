/**
 * Bounded retry with exponential backoff, for requests that are safe to send again. The sleep is
 * injectable so tests (and callers with their own scheduler) never wait on a real timer.
 */
export interface RetryOptions {
  /** Attempts in all, the first included (default 4; 1 turns retrying off). */
  attempts?: number;
  /** Wait before the first retry; each later one waits twice as long (default 200 ms). */
  baseDelayMs?: number;
  /** Longest wait between two attempts (default 5000 ms). */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(
  attempt: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 5000;
  const sleep = options.sleep ?? realSleep;
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= attempts || !isRetryable(error)) throw error;
      await sleep(Math.min(max, base * 2 ** (n - 1)));
    }
  }
}
