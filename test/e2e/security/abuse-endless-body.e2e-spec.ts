/** Abuse: a receiver that sends an endless body: the dispatcher reads a bounded amount and hangs up. */
import { waitFor } from '../../support/payments-fixtures';
import { workersSettled } from '../../support/workers-settled';
import {
  LATE_TIMER_MS,
  MiB,
  startServer,
  stopServer,
  TIMEOUT_MS,
  useReceiverAbuseApp,
} from './abuse-receiver-kit';
import { report } from './security-kit';

describe('abuse: hostile webhook receivers', () => {
  const { app, scenario } = useReceiverAbuseApp();

  it('a receiver that answers 200 with an endless body: the attempt is recorded within the timeout, a bounded amount is read, memory stays bounded', async () => {
    let bytesWritten = 0;
    let connectionsClosed = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const { server, url } = await startServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const pump = () => {
        while (!res.destroyed) {
          bytesWritten += chunk.length;
          if (!res.write(chunk)) break;
        }
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => connectionsClosed++);
      pump();
    });
    try {
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const rssBefore = process.memoryUsage().rss;
      const s = await scenario(url);
      const attempted = await s.until((d) => d.attempts.length >= 1, 'the first attempt');
      await workersSettled(app.t);
      const heapAfter = process.memoryUsage().heapUsed;
      const rssAfter = process.memoryUsage().rss;
      const bytesAtAttempt = bytesWritten;
      // The dispatcher hangs up; then whatever else it had due (retries) has run: counted passes.
      await waitFor(async () => connectionsClosed, {
        until: (n) => n >= 1,
        what: 'the dispatcher hanging up',
      });
      await workersSettled(app.t);
      const later = await s.delivery();
      report('abuse: endless body', {
        attempt: attempted.attempts[0],
        statusWhenRecorded: attempted.status,
        statusLater: later?.status,
        attemptsLater: later?.attempts.length,
        receiverBytesWrittenWhenRecorded: bytesAtAttempt,
        receiverBytesWrittenLater: bytesWritten - bytesAtAttempt,
        receiverConnectionsClosed: connectionsClosed,
        heapGrowthMiB: +((heapAfter - heapBefore) / MiB).toFixed(1),
        rssGrowthMiB: +((rssAfter - rssBefore) / MiB).toFixed(1),
      });
      expect(attempted.attempts[0].durationMs).toBeLessThanOrEqual(TIMEOUT_MS + LATE_TIMER_MS);
      expect(connectionsClosed).toBeGreaterThanOrEqual(1); // the dispatcher hung up instead of reading on
      expect(bytesWritten - bytesAtAttempt).toBeLessThan(4 * MiB); // and it stays hung up
      expect(bytesAtAttempt).toBeLessThan(32 * MiB);
      expect(heapAfter - heapBefore).toBeLessThan(64 * MiB);
      await s.unsubscribe();
    } finally {
      await stopServer(server);
    }
  });
});
