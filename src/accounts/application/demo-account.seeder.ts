import { MikroORM } from '@mikro-orm/postgresql';
import { CreateRequestContext } from '@mikro-orm/core';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AccountsService } from './accounts.service';

/**
 * Outside production, a demo account whose key is DEMO_API_KEY exists from the first start, so
 * that Swagger UI and the README's curl walk-through work at once. Never in production.
 */
@Injectable()
export class DemoAccountSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoAccount');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    // Used by @CreateRequestContext.
    readonly orm: MikroORM,
  ) {}

  @CreateRequestContext()
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.isProduction) return;
    const created = await this.accounts.ensureWithKey('Demo', this.config.DEMO_API_KEY);
    this.logger.log(
      `${created ? 'Created the' : 'Using the'} demo account; authorize in Swagger UI with the key "${this.config.DEMO_API_KEY}" (outside production only)`,
    );
  }
}
