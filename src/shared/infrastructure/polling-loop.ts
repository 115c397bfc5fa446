import type { Logger } from '@nestjs/common';
import { summarizeError } from './database-errors';

export interface PollingLoopOptions {
  name: string;
  intervalMs: number;
  /** Processes one batch and says how many items it took; a full batch means "there is more". */
  work: () => Promise<number>;
  batchSize: number;
  logger: Logger;
  /** Passes that may run at once (each claims its own batch); 1 unless the work overlaps well. */
  parallelPasses?: number;
}

/**
 * A background loop that drains its queue batch by batch, then sleeps until its interval or a
 * nudge. At most `parallelPasses` passes at a time; `stop()` waits for the passes in progress.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Set<Promise<void>>();
  private again = false;
  private stopped = true;
  private failures = 0;
  private started = 0;
  private readonly waiters = new Set<{ after: number; left: number; done: () => void }>();

  constructor(private readonly options: PollingLoopOptions) {}

  start(): NodeJS.Timeout {
    this.stopped = false;
    this.timer = setInterval(() => this.nudge(), this.options.intervalMs);
    this.timer.unref();
    this.nudge();
    return this.timer;
  }

  /** Runs a pass now, or as soon as one in progress ends. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running.size >= (this.options.parallelPasses ?? 1)) {
      this.again = true;
      return;
    }
    const number = ++this.started;
    const pass: Promise<void> = this.drain().then((drained) => {
      this.running.delete(pass);
      if (drained) this.passEnded(number);
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
    this.running.add(pass);
  }

  /**
   * Resolves once the passes running now have ended, `count` passes started after this call have
   * drained the queue, and the passes running at that point have ended too: whatever was due when
   * it was called has then been done. Lets a test see that nothing more happens by counting
   * passes instead of sleeping. Never resolves while the loop is stopped.
   */
  async settled(count = 1): Promise<void> {
    const after = this.started;
    await Promise.all(this.running);
    await new Promise<void>((done) => {
      this.waiters.add({ after, left: count, done });
      this.nudge();
    });
    await Promise.all(this.running);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all(this.running);
  }

  private passEnded(number: number): void {
    for (const waiter of this.waiters) {
      if (number > waiter.after && --waiter.left === 0) {
        this.waiters.delete(waiter);
        waiter.done();
      }
    }
  }

  /** Takes batches until one is not full; says whether it got there (false after a failure). */
  private async drain(): Promise<boolean> {
    try {
      while (!this.stopped && (await this.options.work()) >= this.options.batchSize) {
        // a full batch: there is more waiting, take it at once
      }
      this.failures = 0;
      return !this.stopped;
    } catch (error) {
      // Logged once per outage, not once per tick: a database restart must not flood the logs.
      if (this.failures++ === 0)
        this.options.logger.warn(`${this.options.name} pass failed: ${summarizeError(error)}`);
      return false;
    }
  }
}
