import { judgeHealth } from './subscription-health';

const DAY = 24 * 3600_000;
const t0 = new Date('2026-12-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const failed = (ms: number, statusCode: number | null = 500) => ({
  at: at(ms),
  delivered: false,
  statusCode,
});
const ok = (ms: number) => ({ at: at(ms), delivered: true, statusCode: 200 });
const judge = (failingSince: Date | null, attempts: ReturnType<typeof failed>[], nowMs: number) =>
  judgeHealth({ failingSince, attempts, now: at(nowMs), disableAfterMs: 5 * DAY });

describe('judgeHealth (auto-disable)', () => {
  it('a 410 Gone disables at once', () => {
    expect(judge(null, [failed(0, 410)], 0).disable).toMatch(/410 Gone/);
  });

  it('the first failure starts the record; failures younger than 5 days do not disable', () => {
    expect(judge(null, [failed(1000)], 1000)).toEqual({ failingSince: at(1000), disable: null });
    expect(judge(at(0), [failed(5 * DAY - 1)], 5 * DAY - 1).disable).toBeNull();
  });

  it('nothing but failures for 5 days disables, saying since when', () => {
    expect(judge(at(0), [failed(5 * DAY)], 5 * DAY)).toEqual({
      failingSince: at(0),
      disable: `every attempt has failed since ${t0.toISOString()}`,
    });
  });

  it('a success clears the record; failures after it start a new one', () => {
    expect(judge(at(0), [ok(4 * DAY)], 6 * DAY)).toEqual({ failingSince: null, disable: null });
    expect(judge(at(0), [ok(4 * DAY), failed(4 * DAY + 1)], 6 * DAY)).toEqual({
      failingSince: at(4 * DAY + 1),
      disable: null,
    });
  });
});
