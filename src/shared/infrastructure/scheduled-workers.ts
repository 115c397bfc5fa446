import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { ScheduledWorker } from './scheduled-worker';

const RUNS_LOOPS = Symbol('RUNS_LOOPS');

/**
 * The one place that decides whether this instance runs the scheduled loops: at bootstrap it finds
 * every provider that is a `ScheduledWorker` and starts it, or none of them (ROLE=api). A future
 * loop only has to extend ScheduledWorker and be a provider somewhere.
 */
@Injectable()
export class ScheduledWorkers implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduledWorkers.name);

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(RUNS_LOOPS) private readonly runsLoops: boolean,
  ) {}

  /** Every worker of the application, each once (a provider can be listed by several modules). */
  all(): ScheduledWorker[] {
    const found = new Set<ScheduledWorker>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof ScheduledWorker) found.add(wrapper.instance);
    }
    return [...found];
  }

  onApplicationBootstrap(): void {
    if (!this.runsLoops) return;
    const workers = this.all();
    for (const worker of workers) worker.start();
    this.logger.log(`started ${workers.map((w) => w.name).join(', ')}`);
  }
}

@Module({})
export class ScheduledWorkersModule {
  static forRoot(options: { runsLoops: boolean }): DynamicModule {
    return {
      module: ScheduledWorkersModule,
      imports: [DiscoveryModule],
      providers: [{ provide: RUNS_LOOPS, useValue: options.runsLoops }, ScheduledWorkers],
      exports: [ScheduledWorkers],
    };
  }
}
