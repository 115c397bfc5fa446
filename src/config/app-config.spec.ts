import { Test } from '@nestjs/testing';
import { QuotesConfig } from '../quotes/quotes.config';
import { WebhooksConfig } from '../webhooks/webhooks.config';
import { ConfigError, loadConfig } from './app-config';
import { ConfigModule } from './config.module';

describe('loadConfig', () => {
  it('hands each variable to its section, under a camelCase name', () => {
    const config = loadConfig({
      PORT: '8080',
      RATE_LIMIT_PER_MINUTE: '0',
      WEBHOOK_TIMEOUT_MS: '2500',
      QUOTE_TTL_SECONDS: '60',
      SIMULATOR_SETTLE_DELAY_MS: '7',
      OUTBOX_FAILING_ALERT_ATTEMPTS: '3',
      EVENT_RETENTION_DAYS: '2',
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '3',
      ROLE: 'worker',
    });
    expect(config.http).toEqual({ port: 8080, rateLimitPerMinute: 0 });
    expect(config.webhooks.timeoutMs).toBe(2500);
    expect(config.quotes.ttlSeconds).toBe(60);
    expect(config.payouts.settleDelayMs).toBe(7);
    expect(config.outbox.failingAlertAttempts).toBe(3);
    expect(config.retention.eventRetentionMs).toBe(2 * 24 * 3600 * 1000);
    expect(config.logging.level).toBe('warn');
    expect(config.database.poolSize).toBe(3);
    expect([config.runtime.runsLoops, config.runtime.servesApi]).toEqual([true, false]);
  });

  it('takes the documented defaults for unset and empty variables', () => {
    const config = loadConfig({ PORT: '', WEBHOOK_TIMEOUT_MS: '' });
    expect(config.http).toEqual({ port: 3000, rateLimitPerMinute: 6000 });
    expect(config.webhooks.timeoutMs).toBe(10_000);
    expect(config.quotes).toEqual({ ttlSeconds: 900, corridorsFile: undefined });
    expect(config.accounts).toEqual({ adminApiKey: undefined, demoApiKey: 'sk_test_demo' });
    expect(config.retention.eventRetentionDays).toBe(30);
  });

  it('turns off private callback URLs and the payout simulator in production, unless told', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(production.runtime.isProduction).toBe(true);
    expect([production.webhooks.allowPrivateUrls, production.payouts.simulator]).toEqual([
      false,
      false,
    ]);
    const development = loadConfig({});
    expect([development.webhooks.allowPrivateUrls, development.payouts.simulator]).toEqual([
      true,
      true,
    ]);
    const told = loadConfig({
      NODE_ENV: 'production',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      PAYOUT_SIMULATOR: 'on',
    });
    expect([told.webhooks.allowPrivateUrls, told.payouts.simulator]).toEqual([true, true]);
  });

  it('refuses bad values with one message naming every bad variable', () => {
    const load = () => loadConfig({ WEBHOOK_TIMEOUT_MS: '50', QUOTE_TTL_SECONDS: 'soon' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/WEBHOOK_TIMEOUT_MS=50: WEBHOOK_TIMEOUT_MS must not be less than 100/);
    expect(load).toThrow(/QUOTE_TTL_SECONDS=/);
  });

  it('provides each section on its own, under its class', async () => {
    const config = loadConfig({ QUOTE_TTL_SECONDS: '61' });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config)],
    }).compile();
    expect(moduleRef.get(QuotesConfig)).toBe(config.quotes);
    expect(moduleRef.get(WebhooksConfig)).toBe(config.webhooks);
  });
});
