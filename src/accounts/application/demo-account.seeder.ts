import { MikroORM } from '@mikro-orm/postgresql';
import { CreateRequestContext } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { RuntimeConfig } from '../../config/runtime.config';
import { AccountsConfig } from '../accounts.config';
import { AccountsService } from './accounts.service';

/**
 * Outside production, a demo account whose key is DEMO_API_KEY exists from the first start, so
 * that Swagger UI and the README's curl walk-through work at once. Never in production.
 */
@Injectable()
export class DemoAccountSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoAccount');

  constructor(
    private readonly runtime: RuntimeConfig,
    private readonly config: AccountsConfig,
    private readonly accounts: AccountsService,
    // Used by @CreateRequestContext.
    readonly orm: MikroORM,
  ) {}

  @CreateRequestContext()
  async onApplicationBootstrap(): Promise<void> {
    if (this.runtime.isProduction) return;
    const created = await this.accounts.ensureWithKey('Demo', this.config.demoApiKey);
    this.logger.log(
      `${created ? 'Created the' : 'Using the'} demo account; authorize in Swagger UI with the key "${this.config.demoApiKey}" (outside production only)`,
    );
  }
}
