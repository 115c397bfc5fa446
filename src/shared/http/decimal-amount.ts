import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const DECIMAL = /^(0|[1-9]\d{0,12})(\.\d{1,3})?$/;

/**
 * Accepts an amount as a decimal string or a JSON number, and hands it on as a string: the
 * number is printed once, exactly as JavaScript read it, and from then on it is never a float.
 * The currency-specific number of decimals is checked once the quote is known.
 */
export const DecimalAmount =
  (options?: ValidationOptions): PropertyDecorator =>
  (target, key) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'number' && Number.isFinite(value) ? String(value) : value,
    )(target, key);
    ValidateBy(
      {
        name: 'invalidAmount',
        validator: {
          validate: (value) =>
            typeof value === 'string' && DECIMAL.test(value) && /[1-9]/.test(value),
          defaultMessage: (a) =>
            `${a?.property} must be a positive decimal (string or number) of at most 1e12 with at most 3 decimals`,
        },
      },
      options,
    )(target, key);
  };
