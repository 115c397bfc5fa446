import {
  countRows,
  createPayment,
  outboxRowsOf,
  PAYMENTS,
  type PaymentView,
  paymentRowById,
  usePaymentsApp,
  waitFor,
} from '../../support/payments-fixtures';
import { PayoutSimulator } from '../../../src/payments/infrastructure/payout-simulator/payout-simulator';

const PROCESSING_DELAY_MS = 60_000;
const SETTLE_DELAY_MS = 120_000;

/**
 * The payout simulator (PAYOUT_SIMULATOR=on): PENDING → PROCESSING after the processing delay, then
 * PAID (or FAILED for an account number ending in 0000) after the settle delay. The delays are
 * long and the FakeClock jumps over them, so nothing here depends on how fast the machine is.
 */
describe('payout simulator', () => {
  const ctx = usePaymentsApp({
    PAYOUT_SIMULATOR: 'on',
    SIMULATOR_PROCESSING_DELAY_MS: String(PROCESSING_DELAY_MS),
    SIMULATOR_SETTLE_DELAY_MS: String(SETTLE_DELAY_MS),
    SIMULATOR_POLL_INTERVAL_MS: '50',
    OUTBOX_POLL_INTERVAL_MS: '50',
  });
  const http = () => ctx.t.http();
  /** Two full simulator passes since now: whatever was due at the clock's time has been done. */
  const simulatorSettled = () => ctx.t.app.get(PayoutSimulator).settled(2);

  const get = async (id: string): Promise<PaymentView> =>
    (await http().get(`${PAYMENTS}/${id}`).expect(200)).body;
  const scheduled = (id: string) => countRows(ctx.db, 'payout_job', 'payment_id = $1', [id]);
  const waitForStatus = (id: string, status: string) =>
    waitFor(() => get(id), { until: (p) => p.status === status, what: `payment ${id} ${status}` });
  const eventTypesAndVersions = async (id: string) =>
    (await outboxRowsOf(ctx.db, id)).map((e) => [e.type, e.payload.version]);

  it('moves a payment PENDING → PROCESSING after the processing delay, then → PAID after the settle delay (versions 1 → 2 → 3, events created/processing/paid)', async () => {
    const payment = await createPayment(http);
    await waitFor(() => scheduled(payment.id), {
      until: (n) => n === 1,
      what: 'payout job scheduled',
    });

    ctx.t.clock.advance(PROCESSING_DELAY_MS - 10_000);
    await simulatorSettled(); // counted simulator passes at the clock's new time
    expect(await get(payment.id)).toMatchObject({ status: 'PENDING', version: 1 });

    ctx.t.clock.advance(10_001);
    expect(await waitForStatus(payment.id, 'PROCESSING')).toMatchObject({
      version: 2,
      failureReason: null,
    });

    ctx.t.clock.advance(SETTLE_DELAY_MS + 1);
    expect(await waitForStatus(payment.id, 'PAID')).toMatchObject({
      version: 3,
      failureReason: null,
    });

    expect(await eventTypesAndVersions(payment.id)).toEqual([
      ['payment.created', 1],
      ['payment.processing', 2],
      ['payment.paid', 3],
    ]);
    await waitFor(() => scheduled(payment.id), { until: (n) => n === 0, what: 'payout job done' });
  });

  // A valid IBAN (checksum computed for this account) whose account part ends in 0000.
  it('fails a payment whose accountNumber ends in 0000 with failureReason "beneficiary account closed"', async () => {
    const payment = await createPayment(
      http,
      { beneficiary: { name: 'Closed Account', accountNumber: 'DE94370400440532010000' } },
      'EUR',
      'DE',
    );
    await waitFor(() => scheduled(payment.id), {
      until: (n) => n === 1,
      what: 'payout job scheduled',
    });

    ctx.t.clock.advance(PROCESSING_DELAY_MS + 1);
    await waitForStatus(payment.id, 'PROCESSING');
    ctx.t.clock.advance(SETTLE_DELAY_MS + 1);
    const failed = await waitForStatus(payment.id, 'FAILED');

    expect(failed).toMatchObject({ version: 3, failureReason: 'beneficiary account closed' });
    expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
      status: 'FAILED',
      failure_reason: 'beneficiary account closed',
    });
    expect(await eventTypesAndVersions(payment.id)).toEqual([
      ['payment.created', 1],
      ['payment.processing', 2],
      ['payment.failed', 3],
    ]);
  });

  it('never moves a payment cancelled while PENDING', async () => {
    const payment = await createPayment(http);
    await waitFor(() => scheduled(payment.id), {
      until: (n) => n === 1,
      what: 'payout job scheduled',
    });
    await http().post(`${PAYMENTS}/${payment.id}/cancel`).expect(200);

    ctx.t.clock.advance(PROCESSING_DELAY_MS + SETTLE_DELAY_MS + 1);
    // The simulator has visited the job once it is gone; give it a few more passes to misbehave.
    await waitFor(() => scheduled(payment.id), {
      until: (n) => n === 0,
      what: 'payout job dropped',
    });
    ctx.t.clock.advance(SETTLE_DELAY_MS + 1);
    await simulatorSettled();

    expect(await get(payment.id)).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(await eventTypesAndVersions(payment.id)).toEqual([
      ['payment.created', 1],
      ['payment.cancelled', 2],
    ]);
  });
});
