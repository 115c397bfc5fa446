import { randomBytes } from 'node:crypto';
import { DomainError } from '../../shared/domain';
import { WebhookSecret } from './webhook-secret';

const secretOf = (bytes: number) => 'whsec_' + randomBytes(bytes).toString('base64');

describe('WebhookSecret', () => {
  it('generates whsec_ + base64 of 32 random bytes', () => {
    const secret = WebhookSecret.generate();
    expect(secret.value).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.value.slice(6), 'base64')).toHaveLength(32);
    expect(secret.equals(WebhookSecret.generate())).toBe(false);
  });

  it('accepts keys of 24 to 64 bytes', () => {
    for (const bytes of [24, 32, 64]) {
      const value = secretOf(bytes);
      expect(WebhookSecret.parse(value).value).toBe(value);
    }
    expect(WebhookSecret.parse('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').value).toBe(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    );
  });

  it.each([
    ['a missing prefix', secretOf(32).slice(6)],
    ['another prefix', 'wh_' + secretOf(32).slice(6)],
    ['too few bytes', secretOf(23)],
    ['too many bytes', secretOf(65)],
    ['an empty key', 'whsec_'],
    ['URL-safe base64', 'whsec_' + Buffer.alloc(32, 0xfb).toString('base64url')],
    ['missing padding', secretOf(32).replace(/=+$/, '')],
    ['non-zero pad bits', 'whsec_' + Buffer.alloc(32, 0).toString('base64').replace(/A=$/, 'B=')],
    ['whitespace inside', secretOf(32).replace(/^(whsec_.{10})/, '$1 ')],
    ['foreign characters', secretOf(32).replace(/^(whsec_.{10})./, '$1*')],
  ])('refuses %s', (_case, value) => {
    const parse = () => WebhookSecret.parse(value);
    expect(parse).toThrow(DomainError);
    expect(parse).toThrow(expect.objectContaining({ kind: 'invalid', code: 'invalid-secret' }));
  });
});
