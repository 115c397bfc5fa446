import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { LOG_LEVELS, type LogLevel } from '../logging/logging.config';
import {
  RUNTIME_ENVIRONMENTS,
  RUNTIME_ROLES,
  type RuntimeEnvironment,
  type RuntimeRole,
} from './runtime.config';

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

/**
 * Every environment variable the service reads, with its default and bounds (README
 * "Configuration", row for row). Only `loadConfig` reads them, once at boot, and hands each
 * module its typed section; defaults that differ in production are resolved there.
 */
export class EnvironmentVariables {
  @IsIn(RUNTIME_ENVIRONMENTS) NODE_ENV: RuntimeEnvironment = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsOptional() @IsString() DATABASE_URL?: string;
  @IsString() DATA_DIR = './.data';
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE = 20;
  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';
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
  @IsIn(RUNTIME_ROLES) ROLE: RuntimeRole = 'all';
  @Transform(toBool) @IsBoolean() SCHEDULERS = true;
}
