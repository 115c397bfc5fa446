import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';

export interface PinnedAgentsOptions {
  /** Connect, headers and body timeouts of every agent. */
  timeoutMs: number;
  /** Sockets kept per origin; undefined means as many as concurrent requests. */
  maxConnectionsPerOrigin?: number;
  /** Agents kept; beyond it the least recently used is closed once its requests finish. */
  maxAgents?: number;
}

/**
 * undici Agents whose sockets go to one fixed address whatever the URL's hostname resolves to
 * now, so that a DNS answer changed since CallbackUrlGuard checked it (DNS rebinding) is never
 * used. TLS still sends and verifies the URL's hostname (SNI, certificate), because only the
 * lookup is replaced. One Agent per address keeps keep-alive connections reusable across
 * deliveries, which is what throughput to a busy receiver depends on.
 */
export class PinnedAgents {
  private readonly agents = new Map<string, Agent>();
  private readonly maxAgents: number;

  constructor(private readonly options: PinnedAgentsOptions) {
    this.maxAgents = options.maxAgents ?? 512;
  }

  /** Use the agent in the same tick (dispatch at once): an eviction could close it later on. */
  for(address: string, family: 4 | 6): Agent {
    const key = `${family}/${address}`;
    let agent = this.agents.get(key);
    if (agent) {
      this.agents.delete(key); // re-inserted below: Map order then tracks recent use
    } else {
      agent = this.create(address, family);
      if (this.agents.size >= this.maxAgents) {
        const [oldestKey, oldest] = this.agents.entries().next().value!;
        this.agents.delete(oldestKey);
        oldest.close().catch(() => undefined);
      }
    }
    this.agents.set(key, agent);
    return agent;
  }

  /** Ends every connection now, in-flight requests included. */
  async close(): Promise<void> {
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.destroy()));
  }

  private create(address: string, family: 4 | 6): Agent {
    // Node asks for a list when it may race address families (autoSelectFamily), else for one.
    const pinned: LookupFunction = (_hostname, options, callback) =>
      options.all ? callback(null, [{ address, family }]) : callback(null, address, family);
    const { timeoutMs, maxConnectionsPerOrigin } = this.options;
    return new Agent({
      connect: { lookup: pinned, timeout: timeoutMs },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connections: maxConnectionsPerOrigin ?? null,
    });
  }
}
