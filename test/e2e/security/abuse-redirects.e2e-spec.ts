/** Abuse: a receiver that redirects to another local address: the redirect is never followed. */
import { workersSettled } from '../../support/workers-settled';
import { startServer, stopServer, useReceiverAbuseApp } from './abuse-receiver-kit';
import { report } from './security-kit';

describe('abuse: hostile webhook receivers', () => {
  const { app, scenario } = useReceiverAbuseApp();

  it('a receiver that redirects (302) to another local address: the target is never requested and the delivery is not DELIVERED', async () => {
    let trapHits = 0;
    const trap = await startServer((req, res) => {
      trapHits++;
      req.resume();
      res.writeHead(200).end('ok');
    });
    let redirects = 0;
    const redirector = await startServer((req, res) => {
      redirects++;
      req.resume();
      res
        .writeHead(redirects % 2 ? 302 : 307, { location: `http://127.0.0.1:${trap.port}/` })
        .end();
    });
    try {
      const s = await scenario(redirector.url);
      const d = await s.until((x) => x.attempts.length >= 3, 'three attempts');
      await workersSettled(app.t);
      report('abuse: redirect', {
        redirectsAnswered: redirects,
        trapHits,
        status: d.status,
        attempts: d.attempts.map((a) => ({ statusCode: a.statusCode, error: a.error })),
      });
      expect(trapHits).toBe(0);
      expect(d.status).not.toBe('DELIVERED');
      expect(d.attempts.every((a) => a.statusCode === 302 || a.statusCode === 307)).toBe(true);
      await s.unsubscribe();
    } finally {
      await stopServer(redirector.server);
      await stopServer(trap.server);
    }
  });
});
