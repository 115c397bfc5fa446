const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const PRESENTATION_SELECTOR = /[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g;

/**
 * Counts characters exactly as class-validator's `@Length`/`@MaxLength` do (validator.js
 * `isLength`): a surrogate pair is one character and an emoji presentation selector adds none.
 * The HTTP layer and the domain then enforce the contract's limits ("name 1..140") identically,
 * so a value that passed request validation is never refused later, item by item, by the domain.
 */
export const textLength = (value: string): number =>
  value.length -
  (value.match(SURROGATE_PAIR)?.length ?? 0) -
  (value.match(PRESENTATION_SELECTOR)?.length ?? 0);

/** A string of `min..max` characters. Never trims: what the client sent is what is stored. */
export const isTextWithin = (value: unknown, min: number, max: number): value is string => {
  if (typeof value !== 'string') return false;
  const length = textLength(value);
  return length >= min && length <= max;
};
