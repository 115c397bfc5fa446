// Child process: POSTs one body to a URL as fast as `concurrency` keep-alive connections allow for
// `seconds`, and prints {count, seconds}. It is the ceiling for webhook deliveries: the same
// receiver, the same machine, from another process, with nothing but HTTP in the way.
import { Agent, request } from 'undici';

const { url, concurrency, seconds, body, headers } = JSON.parse(process.argv[2]);
const dispatcher = new Agent({ connections: concurrency });
const deadline = performance.now() + seconds * 1000;
let count = 0;
let errors = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async (_, worker) => {
    let n = 0;
    while (performance.now() < deadline) {
      try {
        const res = await request(url, {
          method: 'POST',
          body,
          headers: { ...headers, 'webhook-id': `flood-${process.pid}-${worker}-${n++}` },
          dispatcher,
        });
        await res.body.dump();
        if (res.statusCode === 200) count++;
        else errors++;
      } catch {
        errors++;
      }
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ count, errors, seconds: elapsed }));
await dispatcher.close();
