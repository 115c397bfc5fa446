import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { HttpDrain } from './http-drain';
import { DatabaseConfig } from './database/database.config';
import { type RunningPostgres, startEmbeddedPostgres } from './database/embedded-postgres';

async function bootstrap(): Promise<void> {
  const startedAt = performance.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }

  let embedded: RunningPostgres | undefined;
  if (!config.database.url) {
    embedded = await startEmbeddedPostgres(config.database.dataDir);
    config = { ...config, database: new DatabaseConfig({ ...config.database, url: embedded.url }) };
  }

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  }).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  configureApp(app);
  const drain = new HttpDrain();
  app.use(drain.middleware);
  await app.listen(config.http.port);

  const logger = app.get(Logger);
  logger.log(
    `Payments API (ROLE=${config.runtime.role}) ready on http://localhost:${config.http.port}${config.runtime.servesApi ? ' (docs at /docs)' : ' (health and metrics only)'} ` +
      `in ${Math.round(performance.now() - startedAt)} ms, ` +
      `database: ${embedded ? `embedded PostgreSQL in ${config.database.dataDir}` : 'DATABASE_URL'}`,
  );

  // Stop taking requests and let in-flight ones finish (keep-alive clients are told to go), then
  // stop the schedulers after their current pass (module destroy hooks), and only then the
  // embedded database they were all using.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 25_000).unref();
    try {
      await drain.drain(app.getHttpServer());
      await app.close();
      await embedded?.stop();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

void bootstrap().catch((error: unknown) => {
  console.error('The service could not start:', error);
  process.exit(1);
});
