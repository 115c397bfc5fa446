import type { ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { Clock } from '../../src/shared/domain';
import { observeResponses } from './contract/response-observer';
import { HOST_RESOLVER } from '../../src/webhooks/infrastructure/delivery/host-resolver';
import { FakeClock } from './fake-clock';
import { fakeResolver } from './fake-dns';
import { createTestDatabase } from './test-database';

export const DEMO_KEY = 'sk_test_demo_key_for_tests';
/** The ADMIN_API_KEY of the test apps that open second accounts through the admin API. */
export const ADMIN_KEY = '0123456789abcdef0123';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  clock: FakeClock;
  databaseUrl: string;
  /** supertest bound to the app, authorized with the demo key unless a test says otherwise. */
  http: () => request.Agent;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment variables on top of the test defaults (DATABASE_URL is `databaseUrl`'s). */
  env?: Record<string, string>;
  /** Another instance on the same database; by default a fresh database of its own. */
  databaseUrl?: string;
  /** Modules added to the app beside AppModule (an example listener, a test-only module). */
  imports?: ModuleMetadata['imports'];
}

/**
 * The whole service, as `npm start` builds it, on a database of this test file's own, with the
 * FakeClock and the fake DNS of fake-dns.ts (never the host's resolver).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { env = {}, imports = [] } = options;
  const url = options.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_API_KEY: DEMO_KEY,
    DATABASE_POOL_SIZE: '10',
    PAYOUT_SIMULATOR: 'off',
    ...env,
    DATABASE_URL: url,
  });
  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config), ...imports],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(HOST_RESOLVER)
    .useValue(fakeResolver())
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app);
  // Every answer, whichever client asked, is checked against docs/openapi.json: the API's
  // document, so not for a worker, which serves only health and metrics and 404s the rest.
  if (config.runtime.servesApi) observeResponses(app.getHttpServer());
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    clock,
    databaseUrl: url,
    http: () => request.agent(server).set('Authorization', `Bearer ${DEMO_KEY}`),
    close: () => app.close(),
  };
}
