import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../shared/domain';
import type { AppConfig } from './app-config';

/**
 * Makes each section of the validated configuration injectable under its own class (a module
 * asks for `WebhooksConfig`, never for the whole), and the clock, everywhere.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    const sections = Object.values(config).map((section: object) => ({
      provide: section.constructor,
      useValue: section,
    }));
    return {
      module: ConfigModule,
      providers: [...sections, { provide: Clock, useClass: SystemClock }],
      exports: [...sections.map((s) => s.provide), Clock],
    };
  }
}
