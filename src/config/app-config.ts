import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AccountsConfig } from '../accounts/accounts.config';
import { DatabaseConfig } from '../database/database.config';
import { LoggingConfig } from '../logging/logging.config';
import { OutboxConfig } from '../outbox/outbox.config';
import { PayoutsConfig } from '../payments/payouts.config';
import { QuotesConfig } from '../quotes/quotes.config';
import { RetentionConfig } from '../retention/retention.config';
import { WebhooksConfig } from '../webhooks/webhooks.config';
import { EnvironmentVariables } from './environment-variables';
import { HttpConfig } from './http.config';
import { RuntimeConfig } from './runtime.config';

/**
 * The service's settings, one typed section per module (ADR 0017). Each section is provided on
 * its own (config.module.ts), so a module sees its own settings and nothing else.
 */
export interface AppConfig {
  readonly runtime: RuntimeConfig;
  readonly http: HttpConfig;
  readonly database: DatabaseConfig;
  readonly logging: LoggingConfig;
  readonly accounts: AccountsConfig;
  readonly quotes: QuotesConfig;
  readonly payouts: PayoutsConfig;
  readonly webhooks: WebhooksConfig;
  readonly outbox: OutboxConfig;
  readonly retention: RetentionConfig;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
function readEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  const known = new Set(Object.keys(new EnvironmentVariables()));
  const raw = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.has(key) && value !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false });
  const lines = errors.map(
    (e) =>
      `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join(', ')}`,
  );
  // A worker exists to run the loops: turning them off there is a contradiction, not a choice.
  if (vars.ROLE === 'worker' && vars.SCHEDULERS === false)
    lines.push('SCHEDULERS=false: contradicts ROLE=worker (a worker runs the loops)');
  if (lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return vars;
}

/**
 * The settings from the environment, read and validated once at boot. The one place that
 * names the variables after environment-variables.ts; defaults that differ in production are
 * resolved here, so each section holds what applies.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const v = readEnvironment(env);
  const runtime = new RuntimeConfig({
    environment: v.NODE_ENV,
    role: v.ROLE,
    schedulers: v.SCHEDULERS,
  });
  const outsideProduction = !runtime.isProduction;
  return {
    runtime,
    http: new HttpConfig({ port: v.PORT, rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE }),
    database: new DatabaseConfig({
      url: v.DATABASE_URL,
      dataDir: v.DATA_DIR,
      poolSize: v.DATABASE_POOL_SIZE,
    }),
    logging: new LoggingConfig({ level: v.LOG_LEVEL }),
    accounts: new AccountsConfig({ adminApiKey: v.ADMIN_API_KEY, demoApiKey: v.DEMO_API_KEY }),
    quotes: new QuotesConfig({ ttlSeconds: v.QUOTE_TTL_SECONDS, corridorsFile: v.CORRIDORS_FILE }),
    payouts: new PayoutsConfig({
      simulator: v.PAYOUT_SIMULATOR ?? outsideProduction,
      processingDelayMs: v.SIMULATOR_PROCESSING_DELAY_MS,
      settleDelayMs: v.SIMULATOR_SETTLE_DELAY_MS,
      pollIntervalMs: v.SIMULATOR_POLL_INTERVAL_MS,
    }),
    webhooks: new WebhooksConfig({
      timeoutMs: v.WEBHOOK_TIMEOUT_MS,
      retryBaseMs: v.WEBHOOK_RETRY_BASE_MS,
      retryMaxDelayMs: v.WEBHOOK_RETRY_MAX_DELAY_MS,
      retryWindowMs: v.WEBHOOK_RETRY_WINDOW_MS,
      allowPrivateUrls: v.WEBHOOK_ALLOW_PRIVATE_URLS ?? outsideProduction,
      concurrency: v.WEBHOOK_CONCURRENCY,
      maxInFlightPerSubscription: v.WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION,
      disableAfterMs: v.WEBHOOK_DISABLE_AFTER_MS,
      pollIntervalMs: v.WEBHOOK_POLL_INTERVAL_MS,
      leaseMs: v.WEBHOOK_LEASE_MS,
    }),
    outbox: new OutboxConfig({
      pollIntervalMs: v.OUTBOX_POLL_INTERVAL_MS,
      retryBaseMs: v.OUTBOX_RETRY_BASE_MS,
      retryMaxDelayMs: v.OUTBOX_RETRY_MAX_DELAY_MS,
      failingAlertAttempts: v.OUTBOX_FAILING_ALERT_ATTEMPTS,
    }),
    retention: new RetentionConfig({
      eventRetentionDays: v.EVENT_RETENTION_DAYS,
      intervalMs: v.RETENTION_INTERVAL_MS,
      batchSize: v.RETENTION_BATCH_SIZE,
    }),
  };
}
