import { randomBytes } from 'node:crypto';
import { DomainError } from '../../shared/domain';

const PREFIX = 'whsec_';
const GENERATED_BYTES = 32;
const MIN_BYTES = 24;
const MAX_BYTES = 64;

/**
 * A subscription's signing secret in the Standard Webhooks form: `whsec_` + base64 of the key.
 * Validation is strict (canonical base64, padding included) because receivers' libraries decode
 * the same string: anything lenient here could sign with bytes a receiver never derives.
 */
export class WebhookSecret {
  private constructor(readonly value: string) {}

  static generate(): WebhookSecret {
    return new WebhookSecret(PREFIX + randomBytes(GENERATED_BYTES).toString('base64'));
  }

  /** @throws DomainError('invalid', 'invalid-secret') */
  static parse(value: string): WebhookSecret {
    if (typeof value !== 'string' || !value.startsWith(PREFIX)) {
      throw invalid(`a secret must start with "${PREFIX}"`);
    }
    const encoded = value.slice(PREFIX.length);
    // Node's base64 decoder skips characters it does not know; re-encoding and comparing is
    // what rejects them, along with URL-safe alphabets, missing padding and non-zero pad bits.
    const key = Buffer.from(encoded, 'base64');
    if (key.toString('base64') !== encoded) {
      throw invalid(`a secret must be "${PREFIX}" followed by standard, padded base64`);
    }
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw invalid(`a secret must encode ${MIN_BYTES} to ${MAX_BYTES} bytes, not ${key.length}`);
    }
    return new WebhookSecret(value);
  }

  equals(other: WebhookSecret): boolean {
    return this.value === other.value;
  }
}

function invalid(message: string): DomainError {
  return new DomainError('invalid', 'invalid-secret', message);
}
