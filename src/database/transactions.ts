import { DeadlockException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

/** A deadlock victim's transaction was rolled back whole, so running it again is safe. */
const DEADLOCK_RETRIES = 2;

/**
 * Runs work in one database transaction (a savepoint when nested). Repositories join it
 * implicitly: MikroORM keeps the transaction in async-local storage. Work that must only happen
 * once the data is durable (waking the outbox relay) is queued with `afterCommit`; callbacks
 * queued inside a savepoint that rolls back are dropped with it.
 */
@Injectable()
export class Transactions {
  private readonly afterCommitQueue = new AsyncLocalStorage<(() => void)[]>();

  constructor(private readonly em: EntityManager) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    const parent = this.afterCommitQueue.getStore();
    if (parent) {
      const own: (() => void)[] = [];
      const result = await this.afterCommitQueue.run(own, () =>
        this.em.transactional(() => work()),
      );
      parent.push(...own);
      return result;
    }
    for (let attempt = 0; ; attempt++) {
      const callbacks: (() => void)[] = [];
      try {
        const result = await this.afterCommitQueue.run(callbacks, () =>
          this.em.transactional(() => work()),
        );
        for (const callback of callbacks) callback();
        return result;
      } catch (error) {
        if (!(error instanceof DeadlockException) || attempt >= DEADLOCK_RETRIES) throw error;
      }
    }
  }

  /** Runs `callback` after the outermost transaction commits; at once outside any. */
  afterCommit(callback: () => void): void {
    const queue = this.afterCommitQueue.getStore();
    if (queue) queue.push(callback);
    else callback();
  }
}
