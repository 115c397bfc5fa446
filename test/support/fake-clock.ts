import { Clock } from '../../src/shared/domain';

/** A clock the test moves by hand: expiry and retry windows are reached without sleeping. */
export class FakeClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
