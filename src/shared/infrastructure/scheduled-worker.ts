import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { PollingLoop } from './polling-loop';
import type { WakeSignal } from './wake-signal';

export interface ScheduledWorkerSettings {
  name: string;
  intervalMs: number;
  /** A pass that took a full batch is followed by another at once. */
  batchSize: number;
  scheduler: SchedulerRegistry;
  wakeUp?: WakeSignal;
  parallelPasses?: number;
}

/**
 * A background worker registered with @nestjs/schedule: once started it runs `runOnce` on its
 * interval and when woken, one pass at a time, and finishes its current pass before the
 * application stops. It does not start itself: `ScheduledWorkers` starts every one of them, and
 * only in an instance whose role runs the loops (ADR 0011), so a new worker needs no wiring.
 */
export abstract class ScheduledWorker implements OnModuleDestroy {
  protected readonly logger: Logger;
  private readonly loop: PollingLoop;
  private unsubscribe?: () => void;
  private started = false;

  protected constructor(private readonly settings: ScheduledWorkerSettings) {
    this.logger = new Logger(settings.name);
    this.loop = new PollingLoop({
      name: settings.name,
      intervalMs: settings.intervalMs,
      batchSize: settings.batchSize,
      work: () => this.runOnce(),
      logger: this.logger,
      parallelPasses: settings.parallelPasses,
    });
  }

  get name(): string {
    return this.settings.name;
  }

  /** One pass; returns how many items it took. */
  abstract runOnce(): Promise<number>;

  /** See PollingLoop.settled: whatever was due when called has been done. */
  settled(passes = 1): Promise<void> {
    return this.loop.settled(passes);
  }

  /** Starts polling (and listening to its wake-up signal); a second call does nothing. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.settings.scheduler.addInterval(this.settings.name, this.loop.start());
    this.unsubscribe = this.settings.wakeUp?.onNudge(() => this.loop.nudge());
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.loop.stop();
  }
}
