import { ValidateBy, type ValidationOptions } from 'class-validator';
import { CountryCode, CurrencyCode } from '../domain';

/** An active ISO 4217 currency code, checked against the maintained list, not a regex alone. */
export const IsCurrencyCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCurrencyCode',
      validator: {
        validate: (v) => CurrencyCode.isValid(v),
        defaultMessage: (a) =>
          `${a?.property} must be an active ISO 4217 currency code in upper case, e.g. USD`,
      },
    },
    options,
  );

/** An ISO 3166-1 alpha-2 country code, checked against the maintained list. */
export const IsCountryCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (v) => CountryCode.isValid(v),
        defaultMessage: (a) =>
          `${a?.property} must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US`,
      },
    },
    options,
  );
