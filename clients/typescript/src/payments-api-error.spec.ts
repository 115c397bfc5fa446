import { PaymentsApiError } from './payments-api-error';

const headers = { 'content-type': 'application/problem+json', 'x-request-id': 'req-1' };

describe('PaymentsApiError.fromResponse', () => {
  it('carries the problem: status, stable code, field errors and the request id', () => {
    const problem = {
      type: '/problems/validation-failed',
      title: 'Request validation failed',
      status: 400,
      detail: 'payments[0].amount must be positive',
      code: 'validation-failed',
      errors: [
        { field: 'payments[0].amount', code: 'invalid-amount', message: 'must be positive' },
      ],
    };
    const error = PaymentsApiError.fromResponse(
      new Response(null, { status: 400, headers }),
      problem,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 400, code: 'validation-failed', requestId: 'req-1' });
    expect(error.message).toBe(problem.detail);
    expect(error.errors.map((e) => e.field)).toEqual(['payments[0].amount']);
  });

  it('a body that is not problem+json still gives a typed error', () => {
    const error = PaymentsApiError.fromResponse(new Response(null, { status: 502 }), 'Bad Gateway');
    expect(error).toMatchObject({ status: 502, code: 'unexpected-response', errors: [] });
    expect(error.requestId).toBeNull();
  });
});
