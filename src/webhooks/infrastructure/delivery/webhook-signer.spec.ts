import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { WebhookSigner } from './webhook-signer';

// The official Standard Webhooks test vector.
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const msgId = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const timestamp = new Date(1614265330 * 1000);
const body = '{"test": 2432232314}';

describe('WebhookSigner', () => {
  const signer = new WebhookSigner();

  it('matches the Standard Webhooks test vector', () => {
    expect(signer.sign(secret, msgId, timestamp, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('builds headers that the library verifies', () => {
    const now = new Date(Date.now() + 123); // a fractional second: the header must still match
    const headers = signer.headers(secret, 'evt_1', now, '{"id":"evt_1"}');
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(new Webhook(secret).verify('{"id":"evt_1"}', { ...headers })).toEqual({ id: 'evt_1' });
  });

  it('signs with the right secret when many are cached and evicted', () => {
    const secrets = Array.from(
      { length: 1100 },
      () => 'whsec_' + randomBytes(32).toString('base64'),
    );
    for (const s of secrets) signer.sign(s, msgId, timestamp, body);
    for (const s of [secrets[0], secrets[1099], secret]) {
      const headers = signer.headers(s, msgId, new Date(), body);
      expect(() => new Webhook(s).verify(body, { ...headers })).not.toThrow();
    }
  });

  it('signs with each of two secrets, space-separated: the library verifies with either, not with a third', () => {
    const [next, previous, other] = [1, 2, 3].map(
      () => 'whsec_' + randomBytes(32).toString('base64'),
    );
    const headers = signer.headers([next, previous], msgId, new Date(), body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=* v1,[A-Za-z0-9+/]+=*$/);
    expect(() => new Webhook(next).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(other).verify(body, { ...headers })).toThrow();
  });
});
