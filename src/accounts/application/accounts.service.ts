import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/domain';
import type { CreatedAccount } from '../contracts';
import { Account } from '../domain/account';
import { ApiKey } from '../domain/api-key';
import { AccountsRepository } from '../infrastructure/accounts.repository';

/** Keys are immutable once issued, so a hit can be cached; a miss is not (the key may be new). */
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 10_000;

@Injectable()
export class AccountsService {
  private readonly cache = new Map<string, { accountId: string; until: number }>();

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly clock: Clock,
  ) {}

  async create(name: string): Promise<CreatedAccount> {
    const apiKey = ApiKey.generate();
    const account = new Account(name, apiKey, this.clock.now());
    await this.accounts.add(account);
    return { id: account.id, name, apiKey, createdAt: account.createdAt };
  }

  /** Creates the account for a key that is fixed by configuration (the demo key) if it is missing. */
  async ensureWithKey(name: string, apiKey: string): Promise<boolean> {
    return this.accounts.addIfAbsent(new Account(name, apiKey, this.clock.now()));
  }

  async authenticate(apiKey: string): Promise<string | undefined> {
    const hash = ApiKey.hash(apiKey);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.accountId;
    const accountId = await this.accounts.findIdByKeyHash(hash);
    if (accountId) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(hash, { accountId, until: now + CACHE_TTL_MS });
    }
    return accountId;
  }
}
