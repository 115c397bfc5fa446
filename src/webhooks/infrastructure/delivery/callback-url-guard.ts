import { isIP } from 'node:net';
import { DomainError } from '../../../shared/domain';
import { CALLBACK_URL_MAX_LENGTH } from '../../domain/callback-url';
import { isPublicAddress } from './address-policy';
import type { HostResolver } from './host-resolver';

export type { HostResolver } from './host-resolver';

export interface CallbackUrlGuardOptions {
  /** Allow http: and non-public addresses (development and tests; never production). */
  allowPrivate: boolean;
  /** Injected (see host-resolver.ts): tests must never ask the host's resolver. */
  resolve: HostResolver;
}

/** A callback URL that passed the checks, and the address the request must connect to. */
export interface CheckedCallbackUrl {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * Refuses callback URLs that would make us send requests into our own network (SSRF).
 * Run it at subscription and again before every delivery, then connect only to the address it
 * returns: checking a name and letting the HTTP client resolve it again would let a DNS answer
 * that changes in between (DNS rebinding) slip a private address through.
 */
export class CallbackUrlGuard {
  private readonly allowPrivate: boolean;
  private readonly resolve: HostResolver;

  constructor({ allowPrivate, resolve }: CallbackUrlGuardOptions) {
    this.allowPrivate = allowPrivate;
    this.resolve = resolve;
  }

  /** @throws DomainError('invalid', 'invalid-callback-url') */
  async check(value: string): Promise<CheckedCallbackUrl> {
    const url = this.parse(value);
    // WHATWG URL has already turned 2130706433, 0177.0.0.1 and 0x7f.1 into 127.0.0.1 here.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    // RFC 6761: *.localhost is loopback whatever a resolver says; no need to ask one.
    if (!this.allowPrivate && /(^|\.)localhost\.?$/i.test(host)) {
      throw invalid(`callbackUrl host "${host}" is a loopback name`);
    }
    const addresses = isIP(host) ? [host] : await this.resolveHost(host);

    // Every address, not just the first: the HTTP client or a retry could use any of them.
    if (!this.allowPrivate && !addresses.every(isPublicAddress)) {
      throw invalid(
        `callbackUrl host "${host}" is or resolves to a loopback, private, link-local or reserved address`,
      );
    }
    const address = addresses[0];
    return { url, address, family: isIP(address) === 6 ? 6 : 4 };
  }

  private parse(value: string): URL {
    if (typeof value !== 'string' || value.length > CALLBACK_URL_MAX_LENGTH) {
      throw invalid(`callbackUrl must be a URL of at most ${CALLBACK_URL_MAX_LENGTH} characters`);
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw invalid('callbackUrl must be an absolute URL');
    }
    const schemes = this.allowPrivate ? ['https:', 'http:'] : ['https:'];
    if (!schemes.includes(url.protocol)) {
      throw invalid(`callbackUrl must use ${schemes.map((s) => s.slice(0, -1)).join(' or ')}`);
    }
    if (url.username || url.password) {
      throw invalid('callbackUrl must not contain credentials');
    }
    return url;
  }

  private async resolveHost(host: string): Promise<string[]> {
    let addresses: string[];
    try {
      addresses = await this.resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0 || !addresses.every((address) => isIP(address))) {
      throw invalid(`callbackUrl host "${host}" does not resolve`);
    }
    return addresses;
  }
}

function invalid(message: string): DomainError {
  return new DomainError('invalid', 'invalid-callback-url', message);
}
