import type { ValidationError } from 'class-validator';
import { nonObjectItems, OBJECT_ITEMS } from './object-items';
import { type FieldError, problem, ProblemException } from './problem';

/** Stable codes for class-validator constraints; anything else gets its constraint name in kebab-case. */
const CODES: Record<string, string> = {
  whitelistValidation: 'unknown-field',
  isDefined: 'required',
  isNotEmpty: 'required',
  arrayMinSize: 'too-few-items',
  arrayMaxSize: 'too-many-items',
  maxLength: 'too-long',
  minLength: 'too-short',
  isUuid: 'invalid-uuid',
  isEnum: 'invalid-value',
  isIn: 'invalid-value',
  nestedValidation: 'invalid-object',
};

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function join(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Flattens class-validator's tree into one entry per failing field, named by its path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = join(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).flatMap(([constraint, message]) =>
      constraint === OBJECT_ITEMS
        ? nonObjectItems(error.value).map((i) => ({
            field: `${field}[${i}]`,
            code: 'invalid-item',
            message: `${field}[${i}] must be an object`,
          }))
        : [
            {
              field,
              code: CODES[constraint] ?? kebab(constraint),
              message: message.replace(/^(property )?(\S+) /, `${field} `),
            },
          ],
    );
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationProblem(errors: FieldError[]): ProblemException {
  const detail = errors
    .map((e) => e.message)
    .slice(0, 5)
    .join('; ');
  return new ProblemException(
    problem(400, 'validation-failed', detail || 'Request validation failed', {
      title: 'Request validation failed',
      errors,
    }),
  );
}
