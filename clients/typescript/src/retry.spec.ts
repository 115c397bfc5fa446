import { withRetry } from './retry';

/** A call that fails `failures` times with `error`, then answers 'ok'; it counts its calls. */
function flaky(failures: number, error: unknown) {
  let calls = 0;
  const call = async () => {
    calls += 1;
    if (calls <= failures) throw error;
    return 'ok';
  };
  return { call, calls: () => calls };
}

describe('withRetry', () => {
  const always = () => true;

  it('retries a retryable failure, waiting twice as long each time', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const { call, calls } = flaky(3, new Error('socket hang up'));
    await expect(withRetry(call, always, { attempts: 4, baseDelayMs: 100, sleep })).resolves.toBe(
      'ok',
    );
    expect(calls()).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('is bounded: after the last attempt the last error is thrown', async () => {
    const error = new Error('down');
    const { call, calls } = flaky(10, error);
    await expect(withRetry(call, always, { attempts: 3, sleep: async () => {} })).rejects.toBe(
      error,
    );
    expect(calls()).toBe(3);
  });

  it('never retries what the predicate refuses', async () => {
    const { call, calls } = flaky(1, new Error('400'));
    await expect(withRetry(call, () => false, { sleep: async () => {} })).rejects.toThrow('400');
    expect(calls()).toBe(1);
  });

  it('caps each wait at maxDelayMs', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const { call } = flaky(4, new Error('x'));
    await withRetry(call, always, { attempts: 5, baseDelayMs: 1000, maxDelayMs: 3000, sleep });
    expect(waits).toEqual([1000, 2000, 3000, 3000]);
  });
});
