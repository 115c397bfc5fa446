import {
  type BeneficiaryField,
  type BeneficiaryRequirement,
  DomainError,
  type FieldRefusal,
} from '../../../shared/domain';
import type { BeneficiaryProps } from '../beneficiary';
import { BENEFICIARY_FORMAT_RULES } from './beneficiary-formats';

export interface BeneficiaryCheck {
  /** The beneficiary with every checked field in its stored form (IBAN without spaces, ...). */
  readonly beneficiary: BeneficiaryProps;
  /** Each refused field, named `beneficiary.<field>` (the caller prefixes the item's path). */
  readonly refusals: readonly FieldRefusal[];
}

type Values = Partial<Record<BeneficiaryField, string>>;
interface Outcome {
  values: Values;
  refusals: FieldRefusal[];
}

/**
 * Checks a beneficiary against its corridor's requirements: every requirement without an option,
 * and one option entirely. The option chosen is the first one met; when none is, the first whose
 * account number fits (so a good GB account number with a bad sort code hears about the sort
 * code), else the first: its refusals are the ones reported.
 */
export function checkBeneficiary(
  props: BeneficiaryProps,
  requirements: readonly BeneficiaryRequirement[],
  country: string,
): BeneficiaryCheck {
  const evaluate = (reqs: readonly BeneficiaryRequirement[]) => check(props, reqs, country);
  const common = evaluate(requirements.filter((r) => r.option === undefined));
  const options = [...new Set(requirements.flatMap((r) => (r.option ? [r.option] : [])))].map(
    (option) => evaluate(requirements.filter((r) => r.option === option)),
  );
  const accountFits = (o: Outcome) => !o.refusals.some((r) => r.field.endsWith('accountNumber'));
  const chosen =
    options.find((o) => o.refusals.length === 0) ?? options.find(accountFits) ?? options[0];
  const values = { ...common.values, ...chosen?.values };
  return {
    beneficiary: {
      name: props.name,
      accountNumber: values.accountNumber ?? props.accountNumber,
      bankCode: values.bankCode ?? props.bankCode ?? null,
    },
    refusals: [...common.refusals, ...(chosen?.refusals ?? [])],
  };
}

function check(
  props: BeneficiaryProps,
  requirements: readonly BeneficiaryRequirement[],
  country: string,
): Outcome {
  const outcome: Outcome = { values: {}, refusals: [] };
  for (const { field, format, required } of requirements) {
    const rule = BENEFICIARY_FORMAT_RULES[format];
    const raw = props[field] ?? null;
    const path = `beneficiary.${field}`;
    if (raw === null) {
      if (required) {
        outcome.refusals.push({
          field: path,
          code: rule.code,
          message: `${path} is required in this corridor: ${rule.description}`,
        });
      }
      continue;
    }
    try {
      outcome.values[field] = rule.normalize(raw, country);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome.refusals.push({ field: path, code: error.code, message: `${path} ${error.message}` });
    }
  }
  return outcome;
}
