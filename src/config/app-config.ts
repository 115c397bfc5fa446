import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : value === 'true' || value === 'on' || value === '1'
      ? true
      : value === 'false' || value === 'off' || value === '0'
        ? false
        : value;

export const RUNTIME_ROLES = ['all', 'api', 'worker'] as const;
export type RuntimeRole = (typeof RUNTIME_ROLES)[number];

/**
 * Every setting of the service, read from the environment once at boot and validated, so a typo
 * stops the service with a message naming the variable instead of misbehaving later.
 * Defaults that differ in production are resolved in `loadConfig`.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production']) NODE_ENV: 'development' | 'test' | 'production' =
    'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsOptional() @IsString() DATABASE_URL?: string;
  @IsString() DATA_DIR = './.data';
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE = 20;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @IsOptional() @IsString() @MinLength(16) ADMIN_API_KEY?: string;
  @IsString() @MinLength(8) DEMO_API_KEY = 'sk_test_demo';
  @Transform(toInt) @IsInt() @Min(1) @Max(86400) QUOTE_TTL_SECONDS = 900;
  @IsOptional() @IsString() CORRIDORS_FILE?: string;
  @Transform(toInt) @IsInt() @Min(100) @Max(60000) WEBHOOK_TIMEOUT_MS = 10000;
  @Transform(toInt) @IsInt() @Min(1) WEBHOOK_RETRY_BASE_MS = 10000;
  @Transform(toInt) @IsInt() @Min(1) WEBHOOK_RETRY_MAX_DELAY_MS = 12 * 3600 * 1000;
  @Transform(toInt) @IsInt() @Min(1) WEBHOOK_RETRY_WINDOW_MS = 7 * 24 * 3600 * 1000;
  @Transform(toBool) @IsOptional() @IsBoolean() WEBHOOK_ALLOW_PRIVATE_URLS?: boolean;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) WEBHOOK_CONCURRENCY = 50;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION = 10;
  @Transform(toInt) @IsInt() @Min(1000) WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000;
  @Transform(toInt) @IsInt() @Min(10) @Max(60000) WEBHOOK_POLL_INTERVAL_MS = 500;
  @Transform(toInt) @IsInt() @Min(1000) WEBHOOK_LEASE_MS = 60000;
  @Transform(toInt) @IsInt() @Min(10) @Max(60000) OUTBOX_POLL_INTERVAL_MS = 500;
  @Transform(toInt) @IsInt() @Min(1) @Max(3650) EVENT_RETENTION_DAYS = 30;
  @Transform(toInt) @IsInt() @Min(1000) @Max(86_400_000) RETENTION_INTERVAL_MS = 60_000;
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) RETENTION_BATCH_SIZE = 1000;
  @Transform(toInt) @IsInt() @Min(1000) OUTBOX_RETRY_BASE_MS = 5000;
  @Transform(toInt) @IsInt() @Min(1000) OUTBOX_RETRY_MAX_DELAY_MS = 3600 * 1000;
  @Transform(toInt) @IsInt() @Min(1) OUTBOX_FAILING_ALERT_ATTEMPTS = 5;
  @Transform(toBool) @IsOptional() @IsBoolean() PAYOUT_SIMULATOR?: boolean;
  @Transform(toInt) @IsInt() @Min(0) SIMULATOR_PROCESSING_DELAY_MS = 2000;
  @Transform(toInt) @IsInt() @Min(0) SIMULATOR_SETTLE_DELAY_MS = 5000;
  @Transform(toInt) @IsInt() @Min(10) @Max(60000) SIMULATOR_POLL_INTERVAL_MS = 500;
  @Transform(toInt) @IsInt() @Min(0) RATE_LIMIT_PER_MINUTE = 6000;
  /** all: HTTP and the loops; api: HTTP only; worker: the loops, HTTP for health and metrics only. */
  @IsIn(RUNTIME_ROLES) ROLE: RuntimeRole = 'all';
  /** The older spelling of ROLE=api: false runs no loops. */
  @Transform(toBool) @IsBoolean() SCHEDULERS = true;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
  get allowPrivateWebhookUrls(): boolean {
    return this.WEBHOOK_ALLOW_PRIVATE_URLS ?? !this.isProduction;
  }
  /** Whether this instance runs the scheduled loops (relay, dispatcher, simulator, ...). */
  get runsLoops(): boolean {
    return this.ROLE !== 'api' && this.SCHEDULERS;
  }
  /** Whether this instance serves the API routes (a worker serves health and metrics only). */
  get servesApi(): boolean {
    return this.ROLE !== 'worker';
  }
  get payoutSimulator(): boolean {
    return this.PAYOUT_SIMULATOR ?? !this.isProduction;
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = new Set(Object.keys(new AppConfig()));
  const raw = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.has(key) && value !== ''),
  );
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const lines = errors.map(
    (e) =>
      `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join(', ')}`,
  );
  // A worker exists to run the loops: turning them off there is a contradiction, not a choice.
  if (config.ROLE === 'worker' && config.SCHEDULERS === false)
    lines.push('SCHEDULERS=false: contradicts ROLE=worker (a worker runs the loops)');
  if (lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}
