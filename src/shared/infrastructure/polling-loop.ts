import type { Logger } from '@nestjs/common';
import { summarizeError } from './database-errors';

export interface PollingLoopOptions {
  name: string;
  intervalMs: number;
  /** Processes one batch and says how many items it took; a full batch means "there is more". */
  work: () => Promise<number>;
  batchSize: number;
  logger: Logger;
}

/**
 * A background loop that drains its queue batch by batch, then sleeps until its interval or a
 * nudge. One pass at a time per loop; `stop()` waits for the pass in progress to finish.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;

  constructor(private readonly options: PollingLoopOptions) {}

  start(): NodeJS.Timeout {
    this.stopped = false;
    this.timer = setInterval(() => this.nudge(), this.options.intervalMs);
    this.timer.unref();
    this.nudge();
    return this.timer;
  }

  /** Runs a pass now, or right after the one in progress. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.options.work()) >= this.options.batchSize) {
        // a full batch: there is more waiting, take it at once
      }
      this.failures = 0;
    } catch (error) {
      // Logged once per outage, not once per tick: a database restart must not flood the logs.
      if (this.failures++ === 0)
        this.options.logger.warn(`${this.options.name} pass failed: ${summarizeError(error)}`);
    }
  }
}
