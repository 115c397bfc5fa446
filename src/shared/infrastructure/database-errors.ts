import { ConnectionException, DriverException } from '@mikro-orm/core';

/** What PostgreSQL, pg and knex say when the database is not reachable right now. */
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|Connection ended unexpectedly|not queryable|the database system is (shutting down|starting up|in recovery mode)|Timeout acquiring a connection|terminating connection|Transaction query already complete|server closed the connection/i;

/** SQLSTATE class 08 (connection exception) and 57P01..57P03 (admin/crash shutdown, cannot connect now). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3])$/;

function* causes(error: unknown): Generator<Error> {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    yield current;
    current = (current as Error & { cause?: unknown }).cause;
  }
}

/** True when the error means "the database is down or restarting", not "the request is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    if (e instanceof ConnectionException) return true;
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_SQLSTATE.test(code)) return true;
    if (UNAVAILABLE_MESSAGE.test(e.message)) return true;
  }
  return false;
}

/**
 * A loggable description. Database errors carry the SQL with its values inlined, which may hold
 * secrets or personal data: for them only the driver's own message and SQLSTATE are kept.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof DriverException) {
    // The driver's message is "<the SQL> - <PostgreSQL's message>": keep only the latter.
    return `${error.name} ${error.code ?? ''}: ${error.message.split(' - ').pop()}`;
  }
  return error.stack ?? error.message;
}

/** A one-line description for warnings: never the SQL, never a stack. */
export function summarizeError(error: unknown): string {
  return describeError(error).split('\n')[0];
}
