import { PinnedAgents } from './pinned-agents';

describe('PinnedAgents', () => {
  const agents = new PinnedAgents({ timeoutMs: 1000, maxAgents: 2 });
  afterAll(() => agents.close());

  it('shares one agent per address', () => {
    expect(agents.for('192.0.2.1', 4)).toBe(agents.for('192.0.2.1', 4));
    expect(agents.for('192.0.2.1', 4)).not.toBe(agents.for('192.0.2.2', 4));
  });

  it('closes the least recently used agent beyond its maximum', () => {
    const a = agents.for('198.51.100.1', 4);
    const b = agents.for('198.51.100.2', 4);
    agents.for('198.51.100.1', 4); // a is now the most recent
    agents.for('198.51.100.3', 4); // evicts b
    expect(agents.for('198.51.100.1', 4)).toBe(a);
    expect(b.closed).toBe(true);
    expect(agents.for('198.51.100.2', 4)).not.toBe(b);
  });
});
