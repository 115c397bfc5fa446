/**
 * The kinds of rule a domain can refuse. The HTTP layer maps each kind to a status, so the
 * domain never speaks HTTP and every module's refusals look alike to clients.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'unprocessable';

/** One refused field of a request, named by its path (`payments[2].quoteId`). */
export interface FieldRefusal {
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, machine-readable code: part of the public contract. */
    readonly code: string,
    message: string,
    readonly fieldErrors?: readonly FieldRefusal[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request refused field by field: 400 `validation-failed` with each field named by its path. */
export function validationFailed(refusals: readonly FieldRefusal[]): DomainError {
  return new DomainError(
    'invalid',
    'validation-failed',
    refusals.map((r) => r.message).join('; '),
    refusals,
  );
}
