import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HttpMetrics } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';

/**
 * One Prometheus registry per application instance (not prom-client's global one), so that every
 * module registers its metrics on it and several apps can live in one process (the e2e tests).
 * The request histogram's middleware is installed by configureApp (HttpMetrics.middleware).
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    HttpMetrics,
  ],
  exports: [Registry, HttpMetrics],
})
export class MetricsModule {}
