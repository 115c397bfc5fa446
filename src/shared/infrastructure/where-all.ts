/** `a = ? and b = ?` from the conditions whose value is present, with their parameters in order. */
export function whereAll(conditions: readonly (readonly [sql: string, value: unknown])[]): {
  sql: string;
  params: unknown[];
} {
  const present = conditions.filter(([, value]) => value !== undefined);
  return {
    sql: present.map(([sql]) => sql).join(' and '),
    params: present.map(([, value]) => value),
  };
}
