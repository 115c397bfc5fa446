import { ValidateBy, type ValidationOptions } from 'class-validator';

export const OBJECT_ITEMS = 'objectItems';

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every item of the array must be a JSON object. class-validator reports `each` checks on the
 * array as a whole; `flattenValidationErrors` names each offending item (`payments[3]`) instead.
 */
export const ObjectItems = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: OBJECT_ITEMS,
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || value.every(isPlainObject),
        defaultMessage: (a) => `every item of ${a?.property} must be an object`,
      },
    },
    options,
  );

/** The indexes of the items that are not objects. */
export const nonObjectItems = (value: unknown): number[] =>
  Array.isArray(value) ? value.flatMap((item, index) => (isPlainObject(item) ? [] : [index])) : [];
