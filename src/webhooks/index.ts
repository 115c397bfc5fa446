/** The Webhooks module's public face: other modules import from here only. */
export { WebhooksModule } from './webhooks.module';
export * from './contracts';
