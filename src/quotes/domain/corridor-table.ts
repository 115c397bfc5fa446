import { CountryCode, CurrencyCode, DomainError, Money } from '../../shared/domain';

/** country → currency → flat fee as a decimal string in that currency, e.g. { IN: { INR: "25.00" } }. */
export type CorridorFees = Record<string, Record<string, string>>;

/**
 * The corridors the service pays into and what each costs. Validated as a whole when loaded, so a
 * bad table stops the service at boot rather than failing a client's quote later.
 */
export class CorridorTable {
  private constructor(private readonly fees: ReadonlyMap<string, ReadonlyMap<string, Money>>) {}

  static from(table: CorridorFees): CorridorTable {
    const fees = new Map<string, Map<string, Money>>();
    for (const [country, currencies] of Object.entries(table)) {
      CountryCode.of(country);
      const byCurrency = new Map<string, Money>();
      for (const [currency, fee] of Object.entries(currencies)) {
        byCurrency.set(currency, CorridorTable.parseFee(fee, CurrencyCode.of(currency), country));
      }
      fees.set(country, byCurrency);
    }
    return new CorridorTable(fees);
  }

  private static parseFee(fee: string, currency: CurrencyCode, country: string): Money {
    if (fee === '0' || /^0\.0+$/.test(fee)) return Money.ofMinor(0n, currency);
    try {
      return Money.parsePositive(fee, currency);
    } catch {
      throw new Error(
        `corridor ${country}/${currency.code}: fee "${fee}" is not a valid ${currency.code} amount`,
      );
    }
  }

  /** The fee for paying `currency` into `country`; a pair the table does not serve is refused. */
  feeFor(country: CountryCode, currency: CurrencyCode): Money {
    const fee = this.fees.get(country.code)?.get(currency.code);
    if (!fee) {
      throw new DomainError(
        'unprocessable',
        'unsupported-corridor',
        `payments in ${currency.code} to ${country.code} are not supported`,
      );
    }
    return fee;
  }

  get size(): number {
    return [...this.fees.values()].reduce((n, byCurrency) => n + byCurrency.size, 0);
  }
}
