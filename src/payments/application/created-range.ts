import { validationFailed } from '../../shared/domain';
import { PAYMENT_ERRORS } from '../domain';

/** `[from, to)`: either end may be open. */
export interface CreatedRange {
  createdFrom?: Date;
  createdTo?: Date;
}

/**
 * The request's time bounds as instants (their shape was checked by the HTTP layer). A range that
 * ends before it starts can match nothing and is almost certainly swapped: 400 rather than an
 * empty answer that looks like "no payments".
 */
export function toCreatedRange(query: { createdFrom?: string; createdTo?: string }): CreatedRange {
  const createdFrom = query.createdFrom === undefined ? undefined : new Date(query.createdFrom);
  const createdTo = query.createdTo === undefined ? undefined : new Date(query.createdTo);
  if (createdFrom && createdTo && createdTo.getTime() < createdFrom.getTime()) {
    throw validationFailed([
      {
        field: 'createdTo',
        code: PAYMENT_ERRORS.invalidRange,
        message: `createdTo ${createdTo.toISOString()} is before createdFrom ${createdFrom.toISOString()}`,
      },
    ]);
  }
  return { createdFrom, createdTo };
}
