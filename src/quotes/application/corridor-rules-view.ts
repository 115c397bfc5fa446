import type { BeneficiaryRequirement, CorridorRules } from '../../shared/domain';

/** The corridor's rules as a quote answers them: limits as decimal strings or null. */
export interface CorridorRulesView {
  minAmount: string | null;
  maxAmount: string | null;
  beneficiaryRequirements: BeneficiaryRequirement[];
}

export const corridorRulesView = (rules: CorridorRules): CorridorRulesView => ({
  minAmount: rules.minAmount?.toDecimalString() ?? null,
  maxAmount: rules.maxAmount?.toDecimalString() ?? null,
  beneficiaryRequirements: rules.beneficiaryRequirements.map((r) => ({ ...r })),
});
