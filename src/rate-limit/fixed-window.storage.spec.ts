import { FixedWindowStorage } from './fixed-window.storage';

describe('FixedWindowStorage', () => {
  let nowMs = Date.parse('2026-01-01T00:00:00Z');
  const storage = new FixedWindowStorage(() => nowMs);
  afterAll(() => storage.onModuleDestroy());

  it('blocks the hit after the limit within one window, and says how long until it ends', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await storage.increment('k1', 60_000, 3));
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3].timeToBlockExpire).toBeGreaterThan(0);
    expect(results[3].timeToBlockExpire).toBeLessThanOrEqual(60);
  });

  it('counts each key on its own', async () => {
    expect((await storage.increment('k2', 60_000, 1)).isBlocked).toBe(false);
    expect((await storage.increment('k3', 60_000, 1)).isBlocked).toBe(false);
  });

  it('starts a new window once the previous one ended', async () => {
    await storage.increment('k4', 20, 1);
    nowMs += 19;
    expect((await storage.increment('k4', 20, 1)).isBlocked).toBe(true);
    nowMs += 1;
    expect((await storage.increment('k4', 20, 1)).isBlocked).toBe(false);
  });
});
