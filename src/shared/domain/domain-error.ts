/**
 * The kinds of rule a domain can refuse. The HTTP layer maps each kind to a status, so the
 * domain never speaks HTTP and every module's refusals look alike to clients.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, machine-readable code: part of the public contract. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
