import { Webhook } from 'standardwebhooks';
import { verifyWebhook, WebhookVerificationError } from './webhooks';

const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const EVENT = {
  id: '01a20c31-e11d-719e-9631-5d97baa23374',
  type: 'payment.paid',
  createdAt: '2026-11-24T06:15:25.209Z',
  accountId: '01a20c31-e0d2-778b-b409-d67263400755',
  data: { id: '01a20c37-2a38-72fe-9415-f16a4ca9a3c0', status: 'PAID', version: 3 },
};

/** A delivery as the service sends it: the body and its Standard Webhooks headers. */
function delivery(body: string, at = new Date(), secret = SECRET) {
  const headers = {
    'webhook-id': EVENT.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(EVENT.id, at, body),
  };
  return { body, headers };
}

describe('verifyWebhook', () => {
  const body = JSON.stringify(EVENT);

  it('returns the event from the raw body, as a string or a Buffer', () => {
    const { headers } = delivery(body);
    expect(verifyWebhook(SECRET, body, headers)).toEqual(EVENT);
    expect(verifyWebhook(SECRET, Buffer.from(body), headers)).toEqual(EVENT);
  });

  it('takes fetch Headers and Node headers in any case', () => {
    const { headers } = delivery(body);
    expect(verifyWebhook(SECRET, body, new Headers(headers))).toEqual(EVENT);
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(SECRET, body, upper)).toEqual(EVENT);
  });

  it('refuses a changed body, another secret, an old timestamp and missing headers', () => {
    const { headers } = delivery(body);
    const other = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
    const old = delivery(body, new Date(Date.now() - 10 * 60_000)).headers;
    expect(() => verifyWebhook(SECRET, body.replace('PAID', 'FAILED'), headers)).toThrow(
      WebhookVerificationError,
    );
    expect(() => verifyWebhook(other, body, headers)).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(SECRET, body, old)).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(SECRET, body, {})).toThrow(WebhookVerificationError);
  });

  it('refuses a signed body that is not an event envelope', () => {
    const signed = delivery('{"hello":"world"}');
    expect(() => verifyWebhook(SECRET, signed.body, signed.headers)).toThrow(
      'Not a payment event envelope',
    );
  });
});
