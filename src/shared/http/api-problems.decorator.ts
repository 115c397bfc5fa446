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
 * Documents the problem+json answers a route can give, each with the problem schema. 429 and 503
 * can come from every route (rate limit, shutdown); a route that takes a body (any POST) also lists
 * 400, 413 and 415, which the body parser answers before the route is reached.
 */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([...statuses, 429, 503])].sort();
  return applyDecorators(...all.map((status) => ApiProblem(status)));
}
