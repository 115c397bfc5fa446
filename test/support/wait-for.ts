/**
 * Polls `probe` until it returns a value `until` accepts (default: truthy), at most `timeoutMs`;
 * then fails with the last value seen, so a timeout says what the state was.
 */
export interface WaitOptions<T> {
  until?: (value: T) => boolean;
  timeoutMs?: number;
  intervalMs?: number;
  what?: string;
}

/** Without `until` the value returned is truthy, so never undefined or null. */
export function waitFor<T>(
  probe: () => Promise<T>,
  options?: WaitOptions<T> & { until?: undefined },
): Promise<NonNullable<T>>;
export function waitFor<T>(probe: () => Promise<T>, options: WaitOptions<T>): Promise<T>;
export async function waitFor<T>(
  probe: () => Promise<T>,
  options: WaitOptions<T> = {},
): Promise<T> {
  const {
    until = (v: T) => Boolean(v),
    timeoutMs = 10_000,
    intervalMs = 25,
    what = 'condition',
  } = options;
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (until(last)) return last;
    if (Date.now() > deadline)
      throw new Error(
        `waitFor(${what}) timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
