/**
 * Swagger UI in a real browser (`npm run test:browser`): a person who opens /docs can authorize
 * with the demo key and run quote → payment → get → subscribe from the page.
 *
 * The service runs in-process (createTestApp, its own database) but listens on a real port, and
 * Debian's Chromium (apt package `chromium`, installed by .ci/run when missing) is driven by
 * playwright-core. A full-page screenshot of the final page is saved to
 * test-artifacts/swagger-ui.png, whatever the outcome, for a human to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { createTestApp, DEMO_KEY, type TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts');
const SCREENSHOT = resolve(ARTIFACTS, 'swagger-ui.png');
const UI_TIMEOUT_MS = 15_000;

interface Quote {
  id: string;
  fee: { amount: string; currency: string };
}
interface Payment {
  id: string;
  status: string;
}

jest.setTimeout(120_000);

/** The operation block whose summary is exactly `summary`, e.g. "Create a payment quote". */
function operation(page: Page, summary: string): Locator {
  const exact = new RegExp(`^\\s*${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return page
    .locator('.opblock')
    .filter({ has: page.locator('.opblock-summary-description', { hasText: exact }) });
}

/** Expands an operation and presses "Try it out". */
async function tryItOut(page: Page, summary: string): Promise<Locator> {
  const block = operation(page, summary);
  await expectCount(block, 1, `one operation "${summary}" on the page`);
  await block.locator('.opblock-summary').first().click();
  await block.locator('button.try-out__btn').click();
  return block;
}

/** Presses Execute; returns the status and JSON body as the page's response panel shows them. */
async function execute<T = Record<string, unknown>>(
  page: Page,
  block: Locator,
  path: RegExp,
): Promise<{ status: number; body: T; request: Record<string, string> }> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => path.test(new URL(r.url()).pathname), { timeout: UI_TIMEOUT_MS }),
    block.locator('button.execute').click(),
  ]);
  // The live response as Swagger UI renders it (not the network answer): what the user sees.
  const row = block.locator('.live-responses-table tbody tr.response').first();
  const statusCell = row.locator('td.response-col_status');
  await statusCell.waitFor({ timeout: UI_TIMEOUT_MS });
  const status = Number((await statusCell.innerText()).trim());
  const bodyText = await row
    .locator('td.response-col_description .highlight-code pre, td.response-col_description pre')
    .first()
    .innerText();
  let body: T;
  try {
    body = JSON.parse(bodyText) as T;
  } catch {
    throw new Error(`the response panel shows ${status} with a body that is not JSON: ${bodyText}`);
  }
  return { status, body, request: request.headers() };
}

async function expectCount(locator: Locator, n: number, what: string): Promise<void> {
  const count = await locator.count();
  if (count !== n) throw new Error(`expected ${what}, found ${count}`);
}

describe('Swagger UI in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium); .ci/run does it when test/browser exists`,
      );
    }
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('authorizes with the demo key and runs quote → payment → get → subscribe', async () => {
    try {
      await page.goto(`${baseUrl}/docs`, { waitUntil: 'load' });
      await page.locator('.swagger-ui .info .title').waitFor({ timeout: UI_TIMEOUT_MS });
      expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('Payments API');

      // Authorize: the API-key scheme ("bearer"), not the admin one.
      await page.locator('.scheme-container button.authorize').click();
      const scheme = page
        .locator('.modal-ux .auth-container')
        .filter({ has: page.locator('h4', { hasText: /^\s*bearer\b/ }) });
      await expectCount(scheme, 1, 'the bearer scheme in the Authorize dialog');
      await scheme.locator('input').first().fill(DEMO_KEY);
      await scheme.locator('button.authorize').click();
      await scheme.locator('button', { hasText: 'Logout' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await scheme.locator('button.btn-done').click();
      await page.locator('.modal-ux').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

      // 1. Create a payment quote.
      const quoteBlock = await tryItOut(page, 'Create a payment quote');
      await quoteBlock
        .locator('textarea.body-param__text')
        .fill('{"currency":"INR","country":"IN"}');
      const quote = await execute<Quote>(page, quoteBlock, /^\/api\/v1\/payments\/quote$/);
      expect(quote.request.authorization).toBe(`Bearer ${DEMO_KEY}`);
      expect(quote.status).toBe(201);
      expect(quote.body).toMatchObject({
        currency: 'INR',
        country: 'IN',
        fee: { amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: 'INR' },
      });
      const quoteId = quote.body.id;

      // 2. Create payments, with that quote.
      const createBlock = await tryItOut(page, 'Create payments');
      await createBlock.locator('textarea.body-param__text').fill(
        JSON.stringify(
          {
            payments: [
              {
                quoteId,
                externalRef: 'swagger-ui-1',
                amount: '1250.50',
                beneficiary: {
                  name: 'Asha Rao',
                  accountNumber: '50100012345678',
                  bankCode: 'HDFC0000123',
                },
              },
            ],
          },
          null,
          2,
        ),
      );
      const created = await execute<{ results: { payment: Payment }[] }>(
        page,
        createBlock,
        /^\/api\/v1\/payments$/,
      );
      expect(created.status).toBe(201);
      expect(created.body.results).toHaveLength(1);
      expect(created.body.results[0]).toMatchObject({
        outcome: 'CREATED',
        payment: { quoteId, status: 'PENDING', amount: '1250.50', fee: quote.body.fee },
      });
      const paymentId = created.body.results[0].payment.id;

      // 3. Retrieve it.
      const getBlock = await tryItOut(page, 'Retrieve a payment');
      await getBlock.locator('tr[data-param-name="id"] input').fill(paymentId);
      const got = await execute<Payment>(
        page,
        getBlock,
        new RegExp(`^/api/v1/payments/${paymentId}$`),
      );
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({
        id: paymentId,
        externalRef: 'swagger-ui-1',
        status: 'PENDING',
      });

      // 4. Subscribe to its events (an IP address: no DNS needed; private URLs are allowed in tests).
      const subscribeBlock = await tryItOut(page, 'Subscribe to payment events');
      await subscribeBlock
        .locator('textarea.body-param__text')
        .fill('{"callbackUrl":"http://127.0.0.1:9/hooks","eventTypes":["payment.paid"]}');
      const subscribed = await execute(page, subscribeBlock, /^\/api\/v1\/payments\/subscribe$/);
      expect(subscribed.status).toBe(201);
      expect(subscribed.body).toMatchObject({
        callbackUrl: 'http://127.0.0.1:9/hooks',
        eventTypes: ['payment.paid'],
        status: 'ACTIVE',
        secret: expect.stringMatching(/^whsec_/),
      });

      expect(pageErrors).toEqual([]);
    } finally {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page?.screenshot({ path: SCREENSHOT, fullPage: true });
    }
  });
});
