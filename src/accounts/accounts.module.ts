import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsService } from './application/accounts.service';
import { DemoAccountSeeder } from './application/demo-account.seeder';
import { AccountSchema } from './infrastructure/account.schema';
import { AccountsRepository } from './infrastructure/accounts.repository';
import { AdminAccountsController } from './http/admin-accounts.controller';
import { AdminGuard } from './http/admin.guard';
import { ApiKeyGuard } from './http/api-key.guard';

@Module({
  imports: [MikroOrmModule.forFeature([AccountSchema])],
  controllers: [AdminAccountsController],
  providers: [
    AccountsRepository,
    AccountsService,
    DemoAccountSeeder,
    AdminGuard,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
