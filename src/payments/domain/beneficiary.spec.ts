import { DomainError } from '../../shared/domain';
import { Beneficiary } from './beneficiary';

const asha = { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: 'HDFC0000123' };

const refusal = (props: Parameters<typeof Beneficiary.create>[0]): DomainError | undefined => {
  try {
    Beneficiary.create(props);
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
};

describe('Beneficiary', () => {
  it('a name has 1 to 140 characters', () => {
    expect(refusal({ ...asha, name: 'A' })).toBeUndefined();
    expect(refusal({ ...asha, name: 'A'.repeat(140) })).toBeUndefined();
    expect(refusal({ ...asha, name: '' })).toMatchObject({
      kind: 'invalid',
      code: 'invalid-beneficiary',
    });
    expect(refusal({ ...asha, name: 'A'.repeat(141) })?.message).toMatch(/beneficiary.name/);
  });

  it('an account number has 1 to 34 characters', () => {
    expect(refusal({ ...asha, accountNumber: '1'.repeat(34) })).toBeUndefined();
    expect(refusal({ ...asha, accountNumber: '' })?.code).toBe('invalid-beneficiary');
    expect(refusal({ ...asha, accountNumber: '1'.repeat(35) })?.message).toMatch(/accountNumber/);
  });

  it('a character outside the BMP counts as one character, as the request validator counts it', () => {
    expect(refusal({ ...asha, name: '😀'.repeat(140) })).toBeUndefined();
    expect(refusal({ ...asha, name: '😀'.repeat(141) })).toBeDefined();
  });

  it('a missing, undefined or null bank code is no bank code', () => {
    const absent = Beneficiary.create({ name: asha.name, accountNumber: asha.accountNumber });
    expect(absent.bankCode).toBeNull();
    expect(absent.equals(Beneficiary.create({ ...asha, bankCode: undefined }))).toBe(true);
    expect(absent.equals(Beneficiary.create({ ...asha, bankCode: null }))).toBe(true);
  });

  it('an empty bank code is refused rather than taken for no bank code', () => {
    expect(refusal({ ...asha, bankCode: '' })?.message).toMatch(/bankCode/);
  });

  it('values are kept exactly as sent, never trimmed', () => {
    const padded = Beneficiary.create({ ...asha, name: ' Asha Rao ' });
    expect(padded.name).toBe(' Asha Rao ');
    expect(padded.equals(Beneficiary.create(asha))).toBe(false);
  });

  it('equal beneficiaries have every field equal, case included', () => {
    const same = Beneficiary.create(asha);
    expect(same.equals(Beneficiary.create({ ...asha }))).toBe(true);
    expect(same.equals(Beneficiary.create({ ...asha, name: 'asha rao' }))).toBe(false);
    expect(same.equals(Beneficiary.create({ ...asha, accountNumber: '50100012345679' }))).toBe(
      false,
    );
    expect(same.equals(Beneficiary.create({ ...asha, bankCode: 'HDFC0000124' }))).toBe(false);
    expect(same.equals(Beneficiary.create({ ...asha, bankCode: null }))).toBe(false);
  });

  it('its view always has a bankCode, null when absent', () => {
    expect(Beneficiary.create(asha).toView()).toEqual(asha);
    expect(Beneficiary.create({ ...asha, bankCode: null }).toView()).toEqual({
      ...asha,
      bankCode: null,
    });
  });
});
