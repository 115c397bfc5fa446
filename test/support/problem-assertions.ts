/** Assertions on problem+json answers (RFC 9457) shared by the e2e suites. */
import type { Response } from 'supertest';

/** The distinct `errors[].field` of a problem, sorted. */
export const problemFields = (res: Response): string[] =>
  [...new Set(((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field))].sort();

/** A problem+json answer with this status and code. */
export function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `/problems/${code}` });
}

/** 400 validation-failed naming exactly these fields. */
export function expectValidationFailed(res: Response, fields: string[]): void {
  expectProblem(res, 400, 'validation-failed');
  expect(problemFields(res)).toEqual([...fields].sort());
}
