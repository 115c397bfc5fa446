export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class LoggingConfig {
  readonly level!: LogLevel;

  constructor(settings: LoggingConfig) {
    Object.assign(this, settings);
  }
}
