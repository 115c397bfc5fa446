// A local webhook receiver answering 200. It counts receipts (deduplicated on webhook-id) and, when
// asked to, measures commit-to-receipt latency from the envelope's `createdAt`.
import { createServer } from 'node:http';

export async function startReceiver() {
  const state = {
    count: 0,
    duplicates: 0,
    first: null,
    last: null,
    seen: new Set(),
    /** When set, bodies whose data.externalRef starts with it are parsed for latency. */
    latencyPrefix: null,
    latencies: [],
    times: [],
    reset() {
      this.count = 0;
      this.duplicates = 0;
      this.first = null;
      this.last = null;
      this.seen = new Set();
      this.latencies = [];
      this.times = [];
    },
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const t = performance.now();
      const id = req.headers['webhook-id'];
      if (id && state.seen.has(id)) state.duplicates++;
      else {
        if (id) state.seen.add(id);
        state.count++;
        state.first ??= t;
        state.last = t;
        state.times.push(t);
        if (state.latencyPrefix) {
          try {
            const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (String(envelope.data?.externalRef ?? '').startsWith(state.latencyPrefix)) {
              state.latencies.push(at - Date.parse(envelope.createdAt));
            }
          } catch {
            // not an envelope: ignore
          }
        }
      }
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
      res.end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    state,
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
