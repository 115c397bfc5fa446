/** The Accounts module's public face: other modules import from here only. */
export { AccountsModule } from './accounts.module';
export * from './contracts';
