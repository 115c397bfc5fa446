/** Beneficiaries that meet the shipped corridors' requirements (see the README's table). */
export interface TestBeneficiary {
  name: string;
  accountNumber: string;
  bankCode?: string | null;
}

/**
 * A beneficiary valid for each shipped corridor the tests use (published test IBANs, JPMorgan
 * Chase's routing number, an HDFC IFSC). The default item's is the US one: quotes default to USD/US.
 */
export const BENEFICIARIES = {
  US: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: '021000021' },
  IN: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: 'HDFC0000123' },
  DE: { name: 'Erika Mustermann', accountNumber: 'DE89370400440532013000', bankCode: 'DEUTDEFF' },
  FR: { name: 'Marie Dupont', accountNumber: 'FR1420041010050500013M02606', bankCode: 'BNPAFRPP' },
  GB: { name: 'Jane Smith', accountNumber: 'GB29NWBK60161331926819', bankCode: null },
  KW: { name: 'Fahad Ali', accountNumber: 'KW81CBKU0000000000001234560101', bankCode: null },
  JP: { name: 'Taro Yamada', accountNumber: '1234567', bankCode: null },
} as const;

export const beneficiaryFor = (country: string): TestBeneficiary => {
  const beneficiary = (BENEFICIARIES as Record<string, TestBeneficiary>)[country];
  if (!beneficiary) throw new Error(`no test beneficiary for ${country}: add one to BENEFICIARIES`);
  return { ...beneficiary };
};
