import { MikroOrmModule } from '@mikro-orm/nestjs';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  type DynamicModule,
  Global,
  Injectable,
  Logger,
  Module,
  type OnModuleInit,
} from '@nestjs/common';
import type { DatabaseConfig } from './database.config';
import { migrateWithLock } from './migrate';
import { ormOptions } from './orm-options';
import { Transactions } from './transactions';

/** Applies pending migrations before any other part of the service touches the database. */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(private readonly orm: MikroORM) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrateWithLock(this.orm);
    if (applied.length > 0) this.logger.log(`applied ${applied.join(', ')}`);
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: DatabaseConfig): DynamicModule {
    if (!config.url) throw new Error('DATABASE_URL must be resolved before the module is built');
    const url = config.url;
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRoot({
          ...ormOptions(url, config.poolSize),
          autoLoadEntities: true,
          registerRequestContext: true,
          // A forked EntityManager per request only where requests use one: the API. Probes,
          // metrics and docs never touch an entity (readiness pings through the connection).
          forRoutesPath: 'api/{*path}',
        }),
      ],
      providers: [MigrationRunner, Transactions],
      exports: [Transactions],
    };
  }
}
