import {
  BENEFICIARY_FIELDS,
  BENEFICIARY_FORMATS,
  type BeneficiaryField,
  type BeneficiaryFormat,
  type BeneficiaryRequirement,
  type CorridorRules,
  type CurrencyCode,
  isBeneficiaryFormat,
  Money,
} from '../../shared/domain';

/**
 * One corridor, parsed from the JSON file's
 * `{ "fee": "0.50", "minAmount"?, "maxAmount"?, "beneficiaryRequirements"? }`.
 */
export interface CorridorEntry extends CorridorRules {
  readonly fee: Money;
}

const ENTRY_KEYS = ['fee', 'minAmount', 'maxAmount', 'beneficiaryRequirements'];
const REQUIREMENT_KEYS = ['field', 'format', 'required', 'option'];

/** Which formats make sense for which field: an IBAN is never a bank code. */
const FORMATS_OF: Record<BeneficiaryField, readonly BeneficiaryFormat[]> = {
  accountNumber: ['iban', 'uk-account-number', 'account-number'],
  bankCode: ['bic', 'aba-routing-number', 'ifsc', 'uk-sort-code'],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const unknownKeys = (value: Record<string, unknown>, known: string[]): string[] =>
  Object.keys(value).filter((key) => !known.includes(key));

/**
 * Parses and checks one corridor entry; every error message names the entry and the part of it
 * that is wrong (`corridor DE/EUR: beneficiaryRequirements[0].format "ibn" is not ...`), so a bad
 * file stops the service at start with a message that says what to fix.
 */
export function parseCorridorEntry(
  name: string,
  raw: unknown,
  currency: CurrencyCode,
): CorridorEntry {
  const fail = (message: string): never => {
    throw new Error(`corridor ${name}: ${message}`);
  };
  if (!isObject(raw)) return fail('must be an object with a "fee"');
  const extra = unknownKeys(raw, ENTRY_KEYS);
  if (extra.length) fail(`unknown key(s) ${extra.join(', ')} (known: ${ENTRY_KEYS.join(', ')})`);
  const fee = parseAmount(raw.fee, 'fee', currency, fail, { zeroAllowed: true })!;
  const minAmount = parseAmount(raw.minAmount, 'minAmount', currency, fail);
  const maxAmount = parseAmount(raw.maxAmount, 'maxAmount', currency, fail);
  if (minAmount && maxAmount && minAmount.minor > maxAmount.minor) {
    fail(
      `minAmount ${minAmount.toDecimalString()} is above maxAmount ${maxAmount.toDecimalString()}`,
    );
  }
  const requirements = raw.beneficiaryRequirements ?? [];
  if (!Array.isArray(requirements)) return fail('beneficiaryRequirements must be an array');
  const beneficiaryRequirements = requirements.map((r, i) =>
    parseRequirement(r, (message) => fail(`beneficiaryRequirements[${i}]${message}`)),
  );
  const seen = new Set<string>();
  beneficiaryRequirements.forEach((r, i) => {
    const key = `${r.field}/${r.option ?? ''}`;
    if (seen.has(key))
      fail(
        `beneficiaryRequirements[${i}] repeats ${r.field}${r.option ? ` in option ${r.option}` : ''}`,
      );
    seen.add(key);
  });
  return { fee, minAmount, maxAmount, beneficiaryRequirements };
}

function parseAmount(
  value: unknown,
  key: string,
  currency: CurrencyCode,
  fail: (message: string) => never,
  { zeroAllowed = false } = {},
): Money | null {
  if (value === undefined && key !== 'fee') return null;
  if (typeof value !== 'string') return fail(`${key} must be a decimal string`);
  if (zeroAllowed && /^0(\.0+)?$/.test(value)) return Money.ofMinor(0n, currency);
  try {
    return Money.parsePositive(value, currency);
  } catch {
    return fail(`${key} "${value}" is not a valid ${currency.code} amount`);
  }
}

function parseRequirement(raw: unknown, fail: (message: string) => never): BeneficiaryRequirement {
  if (!isObject(raw)) return fail(' must be an object { field, format, required }');
  const extra = unknownKeys(raw, REQUIREMENT_KEYS);
  if (extra.length) fail(`: unknown key(s) ${extra.join(', ')}`);
  const { field, format, required, option } = raw;
  if (!(BENEFICIARY_FIELDS as readonly unknown[]).includes(field)) {
    fail(`.field ${JSON.stringify(field)} is not one of ${BENEFICIARY_FIELDS.join(', ')}`);
  }
  if (!isBeneficiaryFormat(format)) {
    return fail(
      `.format ${JSON.stringify(format)} is not a known format (${BENEFICIARY_FORMATS.join(', ')})`,
    );
  }
  const knownField = field as BeneficiaryField;
  if (!FORMATS_OF[knownField].includes(format)) {
    fail(
      `.format ${format} does not apply to ${knownField} (${FORMATS_OF[knownField].join(', ')})`,
    );
  }
  if (typeof required !== 'boolean') fail('.required must be true or false');
  if (option !== undefined && (typeof option !== 'string' || option.length === 0)) {
    fail('.option must be a non-empty string when present');
  }
  return {
    field: knownField,
    format,
    required: required,
    ...(option === undefined ? {} : { option: option }),
  };
}
