import { DeadlockException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

/** A deadlock victim's transaction was rolled back whole, so running it again is safe. */
const DEADLOCK_RETRIES = 2;

/** What one transaction (or savepoint) keeps beside the database's own state. */
interface TransactionScope {
  afterCommit: (() => void)[];
  reads: Map<string, Promise<unknown>>;
}

const newScope = (): TransactionScope => ({ afterCommit: [], reads: new Map() });

/**
 * Runs work in one database transaction (a savepoint when nested). Repositories join it
 * implicitly: MikroORM keeps the transaction in async-local storage. Work that must only happen
 * once the data is durable (waking the outbox relay) is queued with `afterCommit`; callbacks
 * queued inside a savepoint that rolls back are dropped with it.
 */
@Injectable()
export class Transactions {
  private readonly scope = new AsyncLocalStorage<TransactionScope>();

  constructor(private readonly em: EntityManager) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    const parent = this.scope.getStore();
    if (parent) {
      const own = newScope();
      const result = await this.scope.run(own, () => this.em.transactional(() => work()));
      parent.afterCommit.push(...own.afterCommit);
      return result;
    }
    for (let attempt = 0; ; attempt++) {
      const own = newScope();
      try {
        const result = await this.scope.run(own, () => this.em.transactional(() => work()));
        for (const callback of own.afterCommit) callback();
        return result;
      } catch (error) {
        if (!(error instanceof DeadlockException) || attempt >= DEADLOCK_RETRIES) throw error;
      }
    }
  }

  /** Runs `callback` after the outermost transaction commits; at once outside any. */
  afterCommit(callback: () => void): void {
    const scope = this.scope.getStore();
    if (scope) scope.afterCommit.push(callback);
    else callback();
  }

  /**
   * A read done once per transaction (or savepoint) under `key`: later calls in it get the first
   * answer. For reads whose rows the transaction locks, so the answer cannot change before it
   * ends; a savepoint has its own, because rolling it back releases the locks taken in it.
   */
  readOnce<T>(key: string, read: () => Promise<T>): Promise<T> {
    const scope = this.scope.getStore();
    if (!scope) return read();
    let answer = scope.reads.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = read();
      scope.reads.set(key, answer);
    }
    return answer;
  }
}
