import { CLAIM_DUE_TEMPLATE, claimDueStatement, OVER_FETCH_FACTOR } from './claim-due.sql';

const values = {
  now: new Date('2026-12-01T10:00:00.000Z'),
  leaseUntil: new Date('2026-12-01T10:01:00.000Z'),
  leaseId: '01a23369-d2c4-7459-814b-91badd9ea5ff',
  limit: 10,
  cap: 5,
  windowMs: 1250,
};

describe('the claim statement binds every named value, in order, once per use', () => {
  it('replaces each :name with a placeholder and leaves ::casts alone', () => {
    const { sql, params } = claimDueStatement(values);
    const uses = [...CLAIM_DUE_TEMPLATE.matchAll(/(?<!:):([a-zA-Z]+)/g)].length;
    expect(params).toHaveLength(uses);
    expect(sql.split('?').length - 1).toBe(uses);
    expect(sql).toContain('::timestamptz');
    expect(sql).not.toMatch(/(?<!:):[a-zA-Z]/);
  });

  it('numbers the placeholders for node-postgres', () => {
    const { sql, params } = claimDueStatement(values, 'dollar');
    expect(sql).toContain(`$${params.length}`);
    expect(sql).not.toContain(`$${params.length + 1}`);
  });

  it('reads OVER_FETCH_FACTOR × the batch and starts the rate window windowMs before now', () => {
    const { params } = claimDueStatement(values);
    expect(params).toContain(values.limit * OVER_FETCH_FACTOR);
    expect(params).toContainEqual(new Date('2026-12-01T09:59:58.750Z'));
  });
});
