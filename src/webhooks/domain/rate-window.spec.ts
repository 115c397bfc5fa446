import { RATE_WINDOW_MS, RATE_WINDOW_SLACK_MS, startsTooLate } from './rate-window';

describe('rate window', () => {
  const claimedAt = new Date('2026-12-05T10:00:00.000Z');
  const after = (ms: number) => new Date(claimedAt.getTime() + ms);

  it('counts leases over a second plus the slack an attempt may start after its claim', () => {
    expect(RATE_WINDOW_MS).toBe(1000 + RATE_WINDOW_SLACK_MS);
  });

  it('a rate-limited attempt may start up to the slack after its claim', () => {
    expect(startsTooLate(claimedAt, claimedAt)).toBe(false);
    expect(startsTooLate(claimedAt, after(RATE_WINDOW_SLACK_MS))).toBe(false);
  });

  it('a rate-limited attempt later than the slack after its claim is not started', () => {
    expect(startsTooLate(claimedAt, after(RATE_WINDOW_SLACK_MS + 1))).toBe(true);
  });
});
