import { CountryCode, CurrencyCode, DomainError } from '../../shared/domain';
import { type CorridorEntry, parseCorridorEntry } from './corridor-entry';
import { QUOTE_ERRORS, unsupportedCorridorDetail } from './quote-errors';

/** country → currency → entry, as the corridor file writes it (see corridor-entry.ts). */
export type CorridorFile = Record<string, Record<string, unknown>>;

/**
 * The corridors the service pays into, what each costs and what each asks of a payment.
 * Validated as a whole when loaded, so a bad table stops the service at boot rather than
 * failing a client's quote later.
 */
export class CorridorTable {
  private constructor(private readonly entries: ReadonlyMap<string, CorridorEntry>) {}

  static from(table: unknown): CorridorTable {
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      throw new Error('the corridor table must be an object: country → currency → corridor');
    }
    const entries = new Map<string, CorridorEntry>();
    for (const [country, currencies] of Object.entries(table as CorridorFile)) {
      CorridorTable.code(country, () => CountryCode.of(country));
      if (typeof currencies !== 'object' || currencies === null || Array.isArray(currencies)) {
        throw new Error(`corridor ${country}: must be an object: currency → corridor`);
      }
      for (const [code, raw] of Object.entries(currencies)) {
        const currency = CorridorTable.code(`${country}/${code}`, () => CurrencyCode.of(code));
        entries.set(key(country, code), parseCorridorEntry(`${country}/${code}`, raw, currency));
      }
    }
    return new CorridorTable(entries);
  }

  private static code<T>(name: string, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      throw new Error(`corridor ${name}: ${(error as Error).message}`);
    }
  }

  /** The corridor for paying `currency` into `country`; a pair the table does not serve is refused. */
  corridorFor(country: CountryCode, currency: CurrencyCode): CorridorEntry {
    const entry = this.entries.get(key(country.code, currency.code));
    if (!entry) {
      throw new DomainError(
        'unprocessable',
        QUOTE_ERRORS.unsupportedCorridor,
        unsupportedCorridorDetail(currency.code, country.code),
      );
    }
    return entry;
  }

  /** The corridor, or undefined when the table (replaced since) no longer serves it. */
  find(country: string, currency: string): CorridorEntry | undefined {
    return this.entries.get(key(country, currency));
  }
}

const key = (country: string, currency: string) => `${country}/${currency}`;
