/** Abuse: receivers that answer late or trickle their body forever are cut at the timeout. */
import {
  LATE_TIMER_MS,
  startServer,
  stopServer,
  TIMEOUT_MS,
  useReceiverAbuseApp,
} from './abuse-receiver-kit';
import { report } from './security-kit';

describe('abuse: hostile webhook receivers', () => {
  const { scenario } = useReceiverAbuseApp();

  it(`a receiver that sends its headers after more than WEBHOOK_TIMEOUT_MS (${TIMEOUT_MS} ms): the attempt is a timeout, retried, and delivered once it answers in time`, async () => {
    let slow = true;
    let requests = 0;
    const { server, url } = await startServer((req, res) => {
      requests++;
      req.resume();
      if (slow) setTimeout(() => res.writeHead(200).end('late'), TIMEOUT_MS * 3).unref();
      else res.writeHead(200).end('ok');
    });
    try {
      const s = await scenario(url);
      const retried = await s.until((d) => d.attempts.length >= 2, 'two timed-out attempts');
      slow = false;
      const delivered = await s.until(
        (d) => d.status === 'DELIVERED',
        'delivery after the receiver speeds up',
      );
      report('abuse: slow receiver', {
        timeoutMs: TIMEOUT_MS,
        receiverRequests: requests,
        timedOutAttempts: retried.attempts.map((a) => ({
          statusCode: a.statusCode,
          durationMs: a.durationMs,
          error: a.error,
        })),
        statusAfterTimeouts: retried.status,
        finalStatus: delivered.status,
        attemptsToDeliver: delivered.attempts.length,
      });
      const timedOut = retried.attempts.slice(0, 2);
      for (const a of timedOut) {
        expect(a.statusCode).toBeNull();
        expect(a.error).toMatch(/timeout/i);
        expect(a.durationMs).toBeLessThan(TIMEOUT_MS + LATE_TIMER_MS);
      }
      expect(retried.status).toBe('PENDING');
      expect(delivered.status).toBe('DELIVERED');
      await s.unsubscribe();
    } finally {
      await stopServer(server);
    }
  });

  it('a receiver that answers 200 then trickles its body forever: the attempt is cut at the timeout', async () => {
    const { server, url } = await startServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const s = await scenario(url);
      const attempted = await s.until((d) => d.attempts.length >= 1, 'the first attempt');
      report('abuse: trickling body', { attempt: attempted.attempts[0], status: attempted.status });
      expect(attempted.attempts[0].durationMs).toBeLessThanOrEqual(TIMEOUT_MS + LATE_TIMER_MS);
      await s.unsubscribe();
    } finally {
      await stopServer(server);
    }
  });
});
