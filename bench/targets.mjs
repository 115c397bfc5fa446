// The targets every row is judged against, as data (issue 14 for the ratios to the same-run
// ceilings, issue 5 for the rest). A row whose key is not here is information only.
//   measure: which of the row's numbers is compared ('ratio' to its ceiling, or its 'value');
//   atLeast / atMost: the bound.
export const TARGETS = {
  startup: { measure: 'value', atMost: 5000, unit: 'ms' },
  frameworkFloor: { measure: 'ratio', atLeast: 0.8, of: 'bare Nest' },
  getPayment: { measure: 'ratio', atLeast: 0.5, of: 'bare Nest' },
  createQuote: { measure: 'ratio', atLeast: 0.3, of: 'pg insert' },
  createPayment: { measure: 'ratio', atLeast: 0.55, of: 'SQL ceiling' },
  createPaymentFixedP99: { measure: 'ratio', atMost: 2, of: 'SQL p99 at half rate' },
  batch100: { measure: 'ratio', atMost: 4, of: 'batch of 1' },
  webhookCpuPerDelivery: { measure: 'value', atMost: 0.2, unit: 'ms' },
  deliveriesOne: { measure: 'value', atLeast: 2000, unit: '/s' },
  deliveriesTwo: { measure: 'ratio', atLeast: 1.7, of: 'one instance' },
  deliveriesPerCpuTwo: { measure: 'ratio', atLeast: 0.9, of: 'one instance' },
  webhookSplit: { measure: 'value', atLeast: 0.4, unit: 'of the deliveries' },
  latencyP50: { measure: 'value', atMost: 50, unit: 'ms' },
  latencyP99: { measure: 'value', atMost: 250, unit: 'ms', alsoRequires: 'complete' },
  backlogClaim: { measure: 'ratio', atMost: 1.5, of: 'one batch', alsoRequires: 'usesDueIndex' },
  soakRss: { measure: 'ratio', atMost: 1.1, of: 'warm RSS' },
};

/** "≥ 0.80× bare Nest", "≤ 5000 ms". */
export function targetText(target) {
  const bound = target.atLeast !== undefined ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`;
  return target.measure === 'ratio'
    ? `${bound}× ${target.of ?? ''}`.trim()
    : `${bound} ${target.unit ?? ''}`.trim();
}

/** True / false against the row's target; undefined for a row without one or without a figure. */
export function meets(target, row) {
  const x = row[target.measure];
  if (typeof x !== 'number' || Number.isNaN(x)) return undefined;
  const ok =
    (target.atLeast === undefined || x >= target.atLeast) &&
    (target.atMost === undefined || x <= target.atMost);
  return ok && (target.alsoRequires === undefined || row[target.alsoRequires] !== false);
}
