import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (`validation-failed`, `malformed-json`, ...)',
  401: 'Missing or unknown API key (`unauthorized`)',
  403: 'The AccountId header names another account (`account-mismatch`)',
  404: "Not found, or not this account's",
  409: 'Conflict with the current state',
  413: 'Body over 1 MiB (`payload-too-large`)',
  415: 'Body is not application/json (`unsupported-media-type`)',
  422: 'Valid request that the business rules refuse',
  429: 'Too many requests (`rate-limited`), see Retry-After',
  500: 'Unexpected error (`internal-error`): it reveals nothing and is logged; retry later',
  503: 'Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later',
};

/** One problem+json answer; `schema` is ProblemDto or a subclass that adds members. */
export function ApiProblem(
  status: number,
  schema: typeof ProblemDto = ProblemDto,
  description = DESCRIPTIONS[status] ?? 'Error',
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(schema),
    ApiResponse({
      status,
      description,
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(schema) } } },
    }),
  );
}

/**
 * What every route can answer, whatever it does: the middleware in front of all routes refuses a
 * malformed or unsafe body or query (400), a body over 1 MiB (413) or not JSON (415), even on a GET
 * that takes none; the rate limit (429); an unexpected failure (500); shutdown or a lost database (503).
 */
export const COMMON_PROBLEMS: readonly number[] = [400, 413, 415, 429, 500, 503];

/** Documents the problem+json answers a route can give (its own and COMMON_PROBLEMS), each with the problem schema. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([...statuses, ...COMMON_PROBLEMS])].sort();
  return applyDecorators(...all.map((status) => ApiProblem(status)));
}
