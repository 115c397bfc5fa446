import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys are shown once and stored only as their SHA-256: a leaked table yields no usable key.
 * SHA-256 (not a slow KDF) is enough because keys are 256 random bits, not guessable passwords.
 */
export const ApiKey = {
  generate(): string {
    return `sk_live_${randomBytes(32).toString('base64url')}`;
  },
  hash(key: string): string {
    return createHash('sha256').update(key, 'utf8').digest('hex');
  },
};
