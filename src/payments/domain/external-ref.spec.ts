import { DomainError } from '../../shared/domain';
import { assertValidExternalRef, isValidExternalRef } from './external-ref';

describe('externalRef', () => {
  it.each(['order-8812', 'a', 'x'.repeat(64), 'Invoice 8812/2026', 'commande-été', '注文-8812'])(
    'accepts 1 to 64 printable characters: %j',
    (ref) => expect(isValidExternalRef(ref)).toBe(true),
  );

  it.each([
    ['empty', ''],
    ['65 characters', 'x'.repeat(65)],
    ['a tab', 'order\t1'],
    ['a newline', 'order\n1'],
    ['a zero-width space', 'order\u200B1'],
    ['a no-break space', 'order\u00A01'],
    ['a lone surrogate', 'order\uD800'],
  ])('refuses %s', (_, ref) => expect(isValidExternalRef(ref)).toBe(false));

  it('refuses what is not a string', () => {
    for (const bad of [null, undefined, 8812, {}]) expect(isValidExternalRef(bad)).toBe(false);
  });

  it('is returned unchanged, never trimmed, when valid', () => {
    expect(assertValidExternalRef(' order-8812 ')).toBe(' order-8812 ');
  });

  it('an invalid one is an invalid-external-ref error', () => {
    expect(() => assertValidExternalRef('')).toThrow(DomainError);
    expect(() => assertValidExternalRef('')).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'invalid-external-ref' }),
    );
  });
});
