import { DomainError } from '../../../shared/domain';
import { AbaRoutingNumber } from './aba-routing-number';
import { Bic } from './bic';
import { Iban } from './iban';
import { Ifsc } from './ifsc';
import { UkAccountNumber, UkSortCode } from './uk-sort-code';

const refusalCode = (parse: () => unknown): string | undefined => {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
};

describe('Iban', () => {
  // The example IBANs the national banks and the ECBS publish for each country.
  it.each([
    ['DE', 'DE89370400440532013000'],
    ['FR', 'FR1420041010050500013M02606'],
    ['ES', 'ES9121000418450200051332'],
    ['IT', 'IT60X0542811101000000123456'],
    ['NL', 'NL91ABNA0417164300'],
    ['AE', 'AE070331234567890123456'],
    ['GB', 'GB29NWBK60161331926819'],
    ['KW', 'KW81CBKU0000000000001234560101'],
  ])('a published %s IBAN is valid', (country, iban) => {
    expect(Iban.parse(iban, country).value).toBe(iban);
  });

  it('is kept in its electronic form: no spaces, upper case', () => {
    expect(Iban.parse('de89 3704 0044 0532 0130 00', 'DE').value).toBe('DE89370400440532013000');
  });

  it.each([
    ['a wrong check digit', 'DE89370400440532013001'],
    ['swapped digits', 'DE89370400440532031000'],
    ['a digit too few', 'DE8937040044053201300'],
    ['a national account number', '0532013000'],
    ['letters where the country has digits', 'DE89ABCD00440532013000'],
  ])('an IBAN with %s is refused as invalid-iban', (_, iban) => {
    expect(refusalCode(() => Iban.parse(iban, 'DE'))).toBe('invalid-iban');
  });

  it("a valid IBAN of another country than the quote's is refused as invalid-iban", () => {
    expect(refusalCode(() => Iban.parse('FR1420041010050500013M02606', 'DE'))).toBe('invalid-iban');
  });
});

describe('Bic', () => {
  it.each(['DEUTDEFF', 'DEUTDEFF500', 'NWBKGB2L', 'BNPAFRPP', 'deutdeff'])(
    '%s is a valid BIC',
    (bic) => {
      expect(Bic.parse(bic).value).toBe(bic.toUpperCase());
    },
  );

  it.each([
    ['7 characters', 'DEUTDEF'],
    ['9 characters', 'DEUTDEFF5'],
    ['a digit in the bank code', 'DEU1DEFF'],
    ['an unknown country', 'DEUTXXFF'],
    ['an IFSC', 'HDFC0000123'],
  ])('a BIC of %s is refused as invalid-bic', (_, bic) => {
    expect(refusalCode(() => Bic.parse(bic))).toBe('invalid-bic');
  });
});

describe('AbaRoutingNumber', () => {
  // Federal Reserve Bank of Boston, JPMorgan Chase NY, Bank of America NY, Fed Dallas.
  it.each(['011000015', '021000021', '026009593', '111000025'])(
    '%s is a valid routing number',
    (aba) => {
      expect(AbaRoutingNumber.parse(aba).value).toBe(aba);
    },
  );

  it.each([
    ['a wrong check digit', '021000022'],
    ['8 digits', '02100002'],
    ['10 digits', '0210000210'],
    ['a letter', '02100002A'],
    ['surrounding spaces', ' 021000021'],
    ['all zeros (the sum is 0)', '000000000'],
  ])('a routing number with %s is refused as invalid-routing-number', (_, aba) => {
    expect(refusalCode(() => AbaRoutingNumber.parse(aba))).toBe('invalid-routing-number');
  });
});

describe('Ifsc', () => {
  it.each(['HDFC0000123', 'SBIN0000001', 'ICIC0000104', 'hdfc0000123'])(
    '%s is a valid IFSC',
    (ifsc) => {
      expect(Ifsc.parse(ifsc).value).toBe(ifsc.toUpperCase());
    },
  );

  it.each([
    ['no 0 in fifth place', 'HDFC1000123'],
    ['3 letters of bank', 'HDF00000123'],
    ['10 characters', 'HDFC000012'],
    ['a symbol', 'HDFC0000-23'],
  ])('an IFSC with %s is refused as invalid-ifsc', (_, ifsc) => {
    expect(refusalCode(() => Ifsc.parse(ifsc))).toBe('invalid-ifsc');
  });
});

describe('UkSortCode', () => {
  it.each(['404784', '40-47-84', '40 47 84'])('%s is the sort code 404784', (code) => {
    expect(UkSortCode.parse(code).value).toBe('404784');
  });

  it.each([
    ['5 digits', '40478'],
    ['7 digits', '4047841'],
    ['mixed separators', '40-47 84'],
    ['letters', 'AB-CD-EF'],
  ])('a sort code of %s is refused as invalid-sort-code', (_, code) => {
    expect(refusalCode(() => UkSortCode.parse(code))).toBe('invalid-sort-code');
  });
});

describe('UkAccountNumber', () => {
  it('a UK account number has 8 digits', () => {
    expect(UkAccountNumber.parse('31926819').value).toBe('31926819');
    expect(refusalCode(() => UkAccountNumber.parse('3192681'))).toBe('invalid-account-number');
    expect(refusalCode(() => UkAccountNumber.parse('3192681X'))).toBe('invalid-account-number');
  });
});
