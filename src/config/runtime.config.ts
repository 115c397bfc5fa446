export const RUNTIME_ROLES = ['all', 'api', 'worker'] as const;
export type RuntimeRole = (typeof RUNTIME_ROLES)[number];

export const RUNTIME_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type RuntimeEnvironment = (typeof RUNTIME_ENVIRONMENTS)[number];

/** What this process is and does: its environment and its role (ADR 0011). */
export class RuntimeConfig {
  readonly environment!: RuntimeEnvironment;
  /** all: HTTP and the loops; api: HTTP only; worker: the loops, HTTP for health and metrics only. */
  readonly role!: RuntimeRole;
  /** The older spelling of role api: false runs no loops. */
  readonly schedulers!: boolean;

  constructor(settings: Pick<RuntimeConfig, 'environment' | 'role' | 'schedulers'>) {
    Object.assign(this, settings);
  }

  get isProduction(): boolean {
    return this.environment === 'production';
  }

  /** Whether this instance runs the scheduled loops (relay, dispatcher, simulator, ...). */
  get runsLoops(): boolean {
    return this.role !== 'api' && this.schedulers;
  }

  /** Whether this instance serves the API routes (a worker serves health and metrics only). */
  get servesApi(): boolean {
    return this.role !== 'worker';
  }
}
