export { AccountsModule } from './accounts.module';
export { AccountsService } from './application/accounts.service';
