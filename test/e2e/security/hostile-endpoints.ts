/**
 * Every endpoint of the API with the valid request it starts from and its weight (share of the
 * cases); each arbitrary makes hostile variants of that request.
 */
import fc from 'fast-check';
import { type EndpointSpec, type Json, FRESH_QUOTE, P, SUBS } from './hostile-case-types';
import { ADMIN_KEY } from '../../support/test-app';
import { bodyCase, noBodyCase } from './hostile-cases';
import { hostileId, printable, queryString } from './hostile-requests';

const secretOf = (n: number) => `whsec_${Buffer.alloc(n, 9).toString('base64')}`;

export const ENDPOINTS: EndpointSpec[] = [
  {
    name: 'POST /payments/quote',
    method: 'POST',
    weight: 8,
    arbitrary: (fx) =>
      bodyCase(
        'POST /payments/quote',
        'POST',
        fc.constant(`${P}/quote`),
        { currency: 'USD', country: 'US' },
        fx,
      ),
  },
  {
    name: 'POST /payments',
    method: 'POST',
    weight: 16,
    arbitrary: (fx) =>
      fc
        .record({
          quoteId: fc.oneof(
            { arbitrary: fc.constant(FRESH_QUOTE), weight: 6 },
            { arbitrary: fc.constantFrom(...fx.quoteIds), weight: 2 },
            { arbitrary: fc.uuid(), weight: 1 },
          ),
          ref: fc.oneof(
            fc.constantFrom(...fx.externalRefs),
            fc.uuid().map((u) => `fz-${u}`),
          ),
          atomic: fc.constantFrom<Json>(false, true),
        })
        .chain(({ quoteId, ref, atomic }) =>
          bodyCase(
            'POST /payments',
            'POST',
            fc.constant(P),
            {
              atomic,
              payments: [
                {
                  quoteId,
                  externalRef: ref,
                  amount: '100.00',
                  beneficiary: {
                    name: 'Asha Rao',
                    accountNumber: '50100012345678',
                    bankCode: '021000021',
                  },
                  reference: 'Invoice 8812',
                  purpose: 'SUPPLIER_PAYMENT',
                  metadata: { orderId: '8812' },
                },
              ],
            },
            fx,
          ),
        ),
  },
  {
    name: 'GET /payments',
    method: 'GET',
    weight: 8,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments',
        'GET',
        queryString(fx, ['limit', 'cursor', 'status', 'externalRef']).map((q) => `${P}${q}`),
        fx,
      ),
  },
  {
    name: 'GET /payments/:id',
    method: 'GET',
    weight: 6,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments/:id',
        'GET',
        fc
          .tuple(hostileId(fx.paymentIds), queryString(fx, ['x']))
          .map(([id, q]) => `${P}/${id}${q}`),
        fx,
      ),
  },
  {
    name: 'POST /payments/:id/cancel',
    method: 'POST',
    weight: 6,
    arbitrary: (fx) =>
      noBodyCase(
        'POST /payments/:id/cancel',
        'POST',
        hostileId(fx.paymentIds).map((id) => `${P}/${id}/cancel`),
        fx,
      ),
  },
  {
    name: 'POST /sandbox/payments/:id/status',
    method: 'POST',
    weight: 8,
    arbitrary: (fx) =>
      fc
        .tuple(hostileId(fx.paymentIds), fc.constantFrom('PROCESSING', 'PAID', 'FAILED'))
        .chain(([id, status]) =>
          bodyCase(
            'POST /sandbox/payments/:id/status',
            'POST',
            fc.constant(`/api/v1/sandbox/payments/${id}/status`),
            { status, failureReason: 'beneficiary account closed' },
            fx,
          ),
        ),
  },
  {
    name: 'POST /payments/subscribe',
    method: 'POST',
    weight: 10,
    arbitrary: (fx) =>
      fc.constantFrom(24, 32, 64).chain((n) =>
        bodyCase(
          'POST /payments/subscribe',
          'POST',
          fc.constant(`${P}/subscribe`),
          {
            callbackUrl: 'http://127.0.0.1:9/hooks',
            eventTypes: ['payment.created', 'payment.paid'],
            secret: secretOf(n),
          },
          fx,
        ),
      ),
  },
  {
    name: 'GET /payments/subscriptions',
    method: 'GET',
    weight: 6,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments/subscriptions',
        'GET',
        queryString(fx, ['limit', 'cursor']).map((q) => `${SUBS}${q}`),
        fx,
      ),
  },
  {
    name: 'GET /payments/subscriptions/:id',
    method: 'GET',
    weight: 5,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments/subscriptions/:id',
        'GET',
        hostileId(fx.subscriptionIds).map((id) => `${SUBS}/${id}`),
        fx,
      ),
  },
  {
    name: 'DELETE /payments/subscriptions/:id',
    method: 'DELETE',
    weight: 5,
    arbitrary: (fx) =>
      noBodyCase(
        'DELETE /payments/subscriptions/:id',
        'DELETE',
        hostileId(fx.subscriptionIds).map((id) => `${SUBS}/${id}`),
        fx,
      ),
  },
  {
    name: 'GET /payments/subscriptions/:id/deliveries',
    method: 'GET',
    weight: 7,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments/subscriptions/:id/deliveries',
        'GET',
        fc
          .tuple(hostileId(fx.subscriptionIds), queryString(fx, ['limit', 'cursor', 'status']))
          .map(([id, q]) => `${SUBS}/${id}/deliveries${q}`),
        fx,
      ),
  },
  {
    name: 'POST /payments/subscriptions/:id/deliveries/:deliveryId/retry',
    method: 'POST',
    weight: 6,
    arbitrary: (fx) =>
      noBodyCase(
        'POST /payments/subscriptions/:id/deliveries/:deliveryId/retry',
        'POST',
        fc
          .oneof(
            fc.constantFrom(...fx.deliveries).map((d) => [d.subscriptionId, d.deliveryId] as const),
            fc.tuple(
              hostileId(fx.subscriptionIds),
              hostileId(fx.deliveries.map((d) => d.deliveryId)),
            ),
          )
          .map(([s, d]) => `${SUBS}/${s}/deliveries/${d}/retry`),
        fx,
      ),
  },
  {
    name: 'POST /admin/accounts',
    method: 'POST',
    weight: 7,
    arbitrary: (fx) =>
      bodyCase(
        'POST /admin/accounts',
        'POST',
        fc.constant('/api/v1/admin/accounts'),
        { name: 'Acme' },
        fx,
        ADMIN_KEY,
      ),
  },
  {
    name: 'any route: headers only',
    method: 'GET',
    weight: 2,
    arbitrary: (fx) =>
      fc
        .record({
          path: fc.constantFrom(
            `${P}/quote`,
            P,
            `${P}/${fx.paymentIds[0]}`,
            SUBS,
            `${SUBS}/${fx.subscriptionIds[0]}/deliveries`,
            '/api/v1/admin/accounts',
            '/api/v1/nope',
            '/health/ready',
            '/metrics',
          ),
          method: fc.constantFrom('GET', 'POST', 'DELETE'),
          headers: fc.dictionary(
            fc.constantFrom(
              'authorization',
              'apikey',
              'accountid',
              'content-type',
              'content-length',
              'transfer-encoding',
              'x-request-id',
              'accept',
              'content-encoding',
              'expect',
              'range',
              'if-none-match',
            ),
            printable(60),
            { maxKeys: 4 },
          ),
        })
        .map(({ path, method, headers }) => {
          // A content-length that disagrees with the body is a framing error the client library refuses to send.
          const { 'content-length': _cl, 'transfer-encoding': _te, expect: _ex, ...rest } = headers;
          return {
            endpoint: 'any route: headers only',
            method,
            path,
            headers: rest,
            body: method === 'GET' ? undefined : '{}',
          };
        }),
  },
];
