/**
 * Generated from docs/openapi.json by openapi-typescript (npm run client:generate). Do not edit:
 * change the service's Swagger decorators, run npm run openapi:export, then client:generate.
 */

export interface paths {
    "/api/v1/admin/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Creates an account and its API key. The key is shown in this answer only. Needs `ADMIN_API_KEY`; without it the route answers 404.
         */
        post: operations["AdminAccountsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events
         * @description Every event the service recorded, as the envelope it delivers (same id, type, createdAt and data), newest first, kept EVENT_RETENTION_DAYS. A client that missed webhooks catches up by polling.
         */
        get: operations["EventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve an event
         * @description The envelope exactly as delivered. Another account's event answers 404.
         */
        get: operations["EventsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments
         * @description Newest first, filtered by externalRef, status and creation time (`createdFrom` inclusive, `createdTo` exclusive, ISO 8601), a page at a time. A malformed time or `createdTo` before `createdFrom` answers 400.
         */
        get: operations["PaymentsController_list"];
        put?: never;
        /**
         * Create payments
         * @description Creates 1..100 payments, each with its quote and its `externalRef` (your idempotency key). A known externalRef with the same content returns the stored payment (REPLAYED) and creates nothing. By default items are independent: 201 when all were created, 200 when all were replays, 207 when some were rejected. With `atomic: true` any rejection writes nothing and answers 409 (all rejections are idempotency conflicts) or 422, naming each rejected item. A beneficiary that breaks its quote's corridor format is a malformed request: 400 `validation-failed` naming `payments[i].beneficiary.<field>` (`invalid-iban`, `invalid-bic`, `invalid-routing-number`, `invalid-ifsc`, `invalid-sort-code`, `invalid-account-number`), nothing written. An amount outside the corridor limits rejects its item (`amount-out-of-range`).
         */
        post: operations["PaymentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export payments as CSV
         * @description Streams every payment of yours that matches (`createdFrom` inclusive, `createdTo` exclusive, `status`), oldest first, as RFC 4180 CSV with a header row, as an attachment. The export is read from a database cursor, so it can hold any number of payments. A cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a CR) is prefixed with an apostrophe. This route has one representation: it answers CSV whatever the Accept header says (`Accept: text/csv` is the polite form); errors are problem+json as everywhere.
         */
        get: operations["PaymentsExportController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a payment quote
         * @description Prices a payment of `currency` into `country`. The quote expires after QUOTE_TTL_SECONDS (900 by default) and pays for exactly one payment. The answer says what a payment into the corridor needs: `beneficiaryRequirements` (which beneficiary field, in which format) and the amount limits `minAmount`/`maxAmount`. A valid pair the service does not serve answers 422 `unsupported-corridor`.
         */
        post: operations["QuotesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe to payment events
         * @description Every payment event of the chosen types is POSTed to `callbackUrl`, signed with the Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Only an HTTP 200 counts as delivered; anything else is retried with exponential backoff for up to 7 days. The `secret` is shown in this answer only.
         */
        post: operations["SubscriptionsController_subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions
         * @description Subscriptions (ACTIVE, PAUSED or DISABLED; deleted ones are gone), newest first.
         */
        get: operations["SubscriptionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a subscription
         * @description The subscription, without its secret. Another account's subscription answers 404.
         */
        get: operations["SubscriptionsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a subscription
         * @description Its undelivered deliveries stop.
         */
        delete: operations["SubscriptionsController_delete"];
        options?: never;
        head?: never;
        /**
         * Update a subscription
         * @description Changes the URL, event types, description, rate limit or status (ACTIVE / PAUSED) under the creation rules; a refused field answers 400 naming it, and nothing changes. While PAUSED (or DISABLED by the service) new events still create deliveries, which wait; back to ACTIVE, they go out oldest event first, and those older than the retry window become FAILED. Every undelivered delivery goes to the new URL.
         */
        patch: operations["SubscriptionsController_update"];
        trace?: never;
    };
    "/api/v1/payments/subscriptions/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries
         * @description Deliveries of this subscription with every attempt (time, HTTP status, duration, error), newest first.
         */
        get: operations["SubscriptionsController_deliveriesOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/subscriptions/{id}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a delivery now
         * @description Sends the delivery again at once, even a FAILED or DELIVERED one.
         */
        post: operations["SubscriptionsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/subscriptions/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recover failed deliveries
         * @description Every FAILED delivery of this subscription whose event lies in [since, until) is sent again, with a fresh retry window that starts now. `since` in the future or older than EVENT_RETENTION_DAYS, `until` in the future or not after `since`: 400 naming the field.
         */
        post: operations["SubscriptionOperationsController_recover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/subscriptions/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Replaces the secret. For `overlapSeconds` (default 86400, at most 604800) every attempt is signed with both secrets (`webhook-signature: v1,<new> v1,<old>`), so a receiver verifies with either while it switches; after that, with the new one only. A rotation during an overlap ends the older overlap at once. The new secret is shown in this answer only; the previous one is never shown.
         */
        post: operations["SubscriptionsController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/subscriptions/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Sends one signed `webhook.test` event (`data: { "subscriptionId" }`) to the callback URL now, waits for that one attempt (at most WEBHOOK_TIMEOUT_MS) and reports it. It is not stored, not retried, and works in any status.
         */
        post: operations["SubscriptionOperationsController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a payment
         * @description The payment and its current status.
         */
        get: operations["PaymentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a payment
         * @description Only a PENDING payment can be cancelled; otherwise 409 `invalid-state`.
         */
        post: operations["PaymentsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment's events
         * @description The payment's history, oldest first (data.version 1, 2, ...), as delivered.
         */
        get: operations["EventsController_ofPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/payments/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a payment by hand (sandbox)
         * @description Outside production only. Follows the lifecycle rules: anything else is 409 `invalid-state`.
         */
        post: operations["SandboxController_move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description The process is up and serving HTTP. Needs no API key.
         */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description The database answers and every migration is applied. Needs no API key.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description HTTP latency, outbox backlog, webhook deliveries and attempts. Needs no API key.
         */
        get: operations["MetricsController_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountCreatedDto: {
            /**
             * @description Shown once: only its SHA-256 is stored.
             * @example sk_live_...
             */
            apiKey: string;
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @example 0193a1b2-b000-7e50-9f60-7a8b9c0d1e2f
             */
            id: string;
            /** @example Acme */
            name: string;
        };
        AttemptDto: {
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            attemptedAt: string;
            /** @example 12 */
            durationMs: number;
            /** @example timeout after 10000 ms */
            error: string | null;
            /** @example 500 */
            statusCode: number | null;
        };
        BeneficiaryDto: {
            /**
             * @description In the format the quote's `beneficiaryRequirements` name: an IBAN in IBAN corridors (spaces and case do not matter; it is stored without spaces, upper case), an 8-digit number with a sort code for GB, else the local account number. In the sandbox, a number ending in 0000 fails with "beneficiary account closed" (e.g. the valid IBAN DE94370400440532010000). A number breaking its format: 400 `invalid-iban` / `invalid-account-number`.
             * @example 50100012345678
             */
            accountNumber: string;
            /**
             * @description As the quote's `beneficiaryRequirements` say: an ABA routing number for US (required, `invalid-routing-number`), an IFSC for IN (required, `invalid-ifsc`), a sort code for GB without IBAN (`invalid-sort-code`), an optional BIC in IBAN corridors (`invalid-bic`). BIC and IFSC are stored upper case, a sort code as its 6 digits.
             * @example HDFC0000123
             */
            bankCode?: string;
            /** @example Asha Rao */
            name: string;
        };
        BeneficiaryRequirementDto: {
            /**
             * @example bankCode
             * @enum {string}
             */
            field: "accountNumber" | "bankCode";
            /**
             * @description iban: an IBAN of the corridor country with a valid checksum; bic: a SWIFT BIC; aba-routing-number: a US routing number (checksum); ifsc: an Indian IFSC; uk-sort-code: 6 digits; uk-account-number: 8 digits; account-number: any 1..34 characters
             * @example ifsc
             * @enum {string}
             */
            format: "iban" | "bic" | "aba-routing-number" | "ifsc" | "uk-sort-code" | "uk-account-number" | "account-number";
            /**
             * @description Requirements sharing an option are one way to name the account (GB: an IBAN, or a sort code with an 8-digit account number): meet all of one option, and every requirement without an option
             * @example sort-code
             */
            option?: string;
            /**
             * @description Whether the field must be given
             * @example true
             */
            required: boolean;
        };
        BeneficiaryViewDto: {
            /** @example 50100012345678 */
            accountNumber: string;
            /** @example HDFC0000123 */
            bankCode: string | null;
            /** @example Asha Rao */
            name: string;
        };
        CreateAccountDto: {
            /** @example Acme */
            name: string;
        };
        CreatePaymentsRequestDto: {
            /**
             * @description All or nothing: if any item is rejected, nothing is written. Absent means false: items are independent.
             * @example false
             */
            atomic?: boolean;
            payments: components["schemas"]["PaymentItemDto"][];
        };
        CreatePaymentsResponseDto: {
            /** @description One result per item, in request order */
            results: components["schemas"]["PaymentResultDto"][];
        };
        CreateQuoteDto: {
            /**
             * @description ISO 3166-1 alpha-2 code of the beneficiary country
             * @example IN
             */
            country: string;
            /**
             * @description ISO 4217 currency code of the payment
             * @example INR
             */
            currency: string;
        };
        DeliveryDto: {
            attempts: components["schemas"]["AttemptDto"][];
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example null
             */
            deliveredAt: string | null;
            /**
             * Format: uuid
             * @description The webhook-id header
             * @example 0193a1b2-c3e1-7d40-8e5f-6a7b8c9d0e1f
             */
            eventId: string;
            /** @example payment.paid */
            eventType: string;
            /**
             * Format: uuid
             * @example 0193a1b2-d100-7c30-9d4e-5f6a7b8c9d0e
             */
            id: string;
            /**
             * Format: date-time
             * @example 2026-11-24T05:52:19.123Z
             */
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED";
        };
        DeliveryPageDto: {
            data: components["schemas"]["DeliveryDto"][];
            /** @example null */
            nextCursor: string | null;
        };
        EventDto: {
            /**
             * Format: uuid
             * @example 0193a1b2-0000-7000-8000-000000000001
             */
            accountId: string;
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            createdAt: string;
            /** @description payment.*: the payment as GET returned it at the event; subscription.disabled: the subscription without its secret */
            data: components["schemas"]["PaymentDto"] | components["schemas"]["SubscriptionDto"];
            /**
             * Format: uuid
             * @description The webhook-id
             * @example 0193a1b2-c3e1-7d40-8e5f-6a7b8c9d0e1f
             */
            id: string;
            /**
             * @example payment.paid
             * @enum {string}
             */
            type: "payment.created" | "payment.processing" | "payment.paid" | "payment.failed" | "payment.cancelled" | "subscription.disabled";
        };
        EventHistoryDto: {
            /** @description Oldest first: data.version 1, 2, ... */
            data: components["schemas"]["EventDto"][];
        };
        EventPageDto: {
            data: components["schemas"]["EventDto"][];
            /** @example null */
            nextCursor: string | null;
        };
        FieldErrorDto: {
            /** @example invalid-amount */
            code: string;
            /** @example payments[0].amount */
            field: string;
            /** @example payments[0].amount must have at most 2 decimals for USD */
            message: string;
        };
        ItemErrorDto: {
            /** @example quote-expired */
            code: string;
            /** @example quote 0193... expired at 2026-11-24T05:52:19.123Z */
            detail: string;
        };
        LiveDto: {
            /** @enum {string} */
            status: "ok";
        };
        MoneyDto: {
            /**
             * @description Decimal string with the currency's ISO 4217 minor units
             * @example 25.00
             */
            amount: string;
            /** @example INR */
            currency: string;
        };
        NotReadyProblemDto: {
            /**
             * @description Each check by name: `status` up or down, and what the check adds
             * @example {
             *       "database": {
             *         "message": "timeout",
             *         "status": "down"
             *       },
             *       "migrations": {
             *         "status": "up"
             *       }
             *     }
             */
            checks: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @description Stable, machine-readable error code
             * @example validation-failed
             */
            code: string;
            /** @example payments[0].amount must have at most 2 decimals for USD */
            detail: string;
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @example /api/v1/payments */
            instance?: string;
            /** @example 400 */
            status: number;
            /** @example Request validation failed */
            title: string;
            /** @example /problems/validation-failed */
            type: string;
        };
        PaymentDto: {
            /**
             * @description Decimal string with the currency's minor units
             * @example 1250.50
             */
            amount: string;
            beneficiary: components["schemas"]["BeneficiaryViewDto"];
            /** @example IN */
            country: string;
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            createdAt: string;
            /** @example INR */
            currency: string;
            /** @example order-8812 */
            externalRef: string;
            /** @example null */
            failureReason: string | null;
            fee: components["schemas"]["MoneyDto"];
            /**
             * Format: uuid
             * @example 0193a1b2-c3e0-7a10-9b2c-3d4e5f6a7b8c
             */
            id: string;
            /**
             * @example {
             *       "orderId": "8812"
             *     }
             */
            metadata: {
                [key: string]: string;
            };
            /** @example SUPPLIER_PAYMENT */
            purpose: string | null;
            /**
             * Format: uuid
             * @example 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b
             */
            quoteId: string;
            /** @example Invoice 8812 */
            reference: string | null;
            /**
             * @description PENDING → PROCESSING → PAID | FAILED, and PENDING → CANCELLED
             * @example PENDING
             * @enum {string}
             */
            status: "PENDING" | "PROCESSING" | "PAID" | "FAILED" | "CANCELLED";
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            updatedAt: string;
            /**
             * @description Grows by one at every change: drop a webhook whose version is older than one you have
             * @example 1
             */
            version: number;
        };
        PaymentItemDto: {
            /** @description Greater than 0, at most 1e12, with at most the currency's ISO 4217 decimals */
            amount: string | number;
            beneficiary: components["schemas"]["BeneficiaryDto"];
            /**
             * @description Your idempotency key: unique per account, 1..64 printable characters
             * @example order-8812
             */
            externalRef: string;
            /**
             * @example {
             *       "orderId": "8812"
             *     }
             */
            metadata?: {
                [key: string]: string;
            };
            /** @example SUPPLIER_PAYMENT */
            purpose?: string;
            /**
             * Format: uuid
             * @description The id of an unexpired, unused quote of yours
             * @example 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b
             */
            quoteId: string;
            /** @example Invoice 8812 */
            reference?: string;
        };
        PaymentPageDto: {
            data: components["schemas"]["PaymentDto"][];
            /**
             * @description Pass as ?cursor= for the next page; null on the last page
             * @example MDE5M2ExYjItYzNlMC03YTEwLTliMmMtM2Q0ZTVmNmE3Yjhj
             */
            nextCursor: string | null;
        };
        PaymentQuoteDto: {
            /**
             * @description What the payment's beneficiary must carry in this corridor, and in which format
             * @example [
             *       {
             *         "field": "accountNumber",
             *         "format": "account-number",
             *         "required": true
             *       },
             *       {
             *         "field": "bankCode",
             *         "format": "ifsc",
             *         "required": true
             *       }
             *     ]
             */
            beneficiaryRequirements: components["schemas"]["BeneficiaryRequirementDto"][];
            /** @example IN */
            country: string;
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            createdAt: string;
            /** @example INR */
            currency: string;
            /**
             * Format: date-time
             * @description After this the quote can no longer be used
             * @example 2026-11-24T05:52:19.123Z
             */
            expiresAt: string;
            /** @description The fee of one payment made with this quote */
            fee: components["schemas"]["MoneyDto"];
            /**
             * Format: uuid
             * @example 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b
             */
            id: string;
            /**
             * @description The largest amount a payment into this corridor may have (inclusive), or null
             * @example 10000000.00
             */
            maxAmount: string | null;
            /**
             * @description The smallest amount a payment into this corridor may have (inclusive), or null
             * @example 100.00
             */
            minAmount: string | null;
        };
        PaymentResultDto: {
            /** @description When REJECTED */
            error?: components["schemas"]["ItemErrorDto"];
            /** @example order-8812 */
            externalRef: string;
            /** @example 0 */
            index: number;
            /** @enum {string} */
            outcome: "CREATED" | "REPLAYED" | "REJECTED";
            /** @description When CREATED or REPLAYED */
            payment?: components["schemas"]["PaymentDto"];
        };
        ProblemDto: {
            /**
             * @description Stable, machine-readable error code
             * @example validation-failed
             */
            code: string;
            /** @example payments[0].amount must have at most 2 decimals for USD */
            detail: string;
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @example /api/v1/payments */
            instance?: string;
            /** @example 400 */
            status: number;
            /** @example Request validation failed */
            title: string;
            /** @example /problems/validation-failed */
            type: string;
        };
        ReadyDto: {
            /**
             * @description Each check by name: `status` up or down, and what the check adds
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "migrations": {
             *         "status": "up"
             *       }
             *     }
             */
            details: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @description Each check by name: `status` up or down, and what the check adds
             * @example {}
             */
            error?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @description Each check by name: `status` up or down, and what the check adds
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "migrations": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /** @enum {string} */
            status: "ok";
        };
        RecoverDto: {
            /**
             * Format: date-time
             * @description Events from this time on (inclusive); not in the future, not older than the retention
             * @example 2026-11-24T00:00:00.000Z
             */
            since: string;
            /**
             * Format: date-time
             * @description Events before this time (exclusive); default: now
             * @example 2026-11-24T06:00:00.000Z
             */
            until?: string;
        };
        RecoveredDto: {
            /**
             * @description FAILED deliveries queued again, each with a fresh retry window
             * @example 3
             */
            queued: number;
        };
        RotateSecretDto: {
            /**
             * @description How long the previous secret keeps signing too (0: it stops at once)
             * @default 86400
             * @example 3600
             */
            overlapSeconds: number;
            /**
             * @description `whsec_` + base64 of 24..64 bytes; generated when absent
             * @example whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD
             */
            secret?: string;
        };
        RotatedSecretDto: {
            /**
             * Format: date-time
             * @description Until then every attempt carries two signatures, with the new and the previous secret
             * @example 2026-11-25T05:37:19.123Z
             */
            previousSecretExpiresAt: string;
            /**
             * @description The new secret, shown in this answer only
             * @example whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD
             */
            secret: string;
        };
        SandboxStatusDto: {
            /**
             * @description For FAILED
             * @example beneficiary account closed
             */
            failureReason?: string;
            /** @enum {string} */
            status: "PROCESSING" | "PAID" | "FAILED";
        };
        SubscribeDto: {
            /**
             * @description Absolute https URL (http allowed when WEBHOOK_ALLOW_PRIVATE_URLS=true, the default outside production)
             * @example https://example.com/hooks
             */
            callbackUrl: string;
            /**
             * @description Default: every payment event type. `subscription.disabled` is sent only to subscriptions that name it
             * @example [
             *       "payment.paid",
             *       "payment.failed"
             *     ]
             */
            eventTypes?: ("payment.created" | "payment.processing" | "payment.paid" | "payment.failed" | "payment.cancelled" | "subscription.disabled")[];
            /**
             * @description `whsec_` + base64 of 24..64 bytes; generated when absent
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret?: string;
        };
        SubscriptionCreatedDto: {
            /** @example https://example.com/hooks */
            callbackUrl: string;
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            createdAt: string;
            /** @example Order service, production */
            description: string | null;
            /** @example null */
            disabledReason: string | null;
            eventTypes: ("payment.created" | "payment.processing" | "payment.paid" | "payment.failed" | "payment.cancelled" | "subscription.disabled")[];
            /**
             * Format: uuid
             * @example 0193a1b2-c3f0-7b20-8c3d-4e5f6a7b8c9d
             */
            id: string;
            /** @example null */
            rateLimitPerSecond: number | null;
            /**
             * @description Shown in this answer only: keep it to verify signatures
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
            /**
             * @description PAUSED by its owner, DISABLED by the service (see disabledReason)
             * @enum {string}
             */
            status: "ACTIVE" | "PAUSED" | "DISABLED";
            /**
             * Format: date-time
             * @example 2026-11-24T05:40:02.481Z
             */
            updatedAt: string;
        };
        SubscriptionDto: {
            /** @example https://example.com/hooks */
            callbackUrl: string;
            /**
             * Format: date-time
             * @example 2026-11-24T05:37:19.123Z
             */
            createdAt: string;
            /** @example Order service, production */
            description: string | null;
            /** @example null */
            disabledReason: string | null;
            eventTypes: ("payment.created" | "payment.processing" | "payment.paid" | "payment.failed" | "payment.cancelled" | "subscription.disabled")[];
            /**
             * Format: uuid
             * @example 0193a1b2-c3f0-7b20-8c3d-4e5f6a7b8c9d
             */
            id: string;
            /** @example null */
            rateLimitPerSecond: number | null;
            /**
             * @description PAUSED by its owner, DISABLED by the service (see disabledReason)
             * @enum {string}
             */
            status: "ACTIVE" | "PAUSED" | "DISABLED";
            /**
             * Format: date-time
             * @example 2026-11-24T05:40:02.481Z
             */
            updatedAt: string;
        };
        SubscriptionPageDto: {
            data: components["schemas"]["SubscriptionDto"][];
            /** @example null */
            nextCursor: string | null;
        };
        TestSendDto: {
            /**
             * @description Whether the receiver answered HTTP 200 in time
             * @example true
             */
            delivered: boolean;
            /** @example 42 */
            durationMs: number;
            /**
             * @description Why no answer came (timeout, refused, ...)
             * @example null
             */
            error: string | null;
            /**
             * @description null when no answer came
             * @example 200
             */
            statusCode: number | null;
        };
        UpdateSubscriptionDto: {
            /**
             * @description Same rules as at creation; every undelivered delivery goes to the new URL
             * @example https://example.com/hooks/v2
             */
            callbackUrl?: string;
            /** @example Order service, production */
            description?: string | null;
            /**
             * @description At least one type
             * @example [
             *       "payment.paid"
             *     ]
             */
            eventTypes?: ("payment.created" | "payment.processing" | "payment.paid" | "payment.failed" | "payment.cancelled" | "subscription.disabled")[];
            /**
             * @description Attempts started per second to this subscription, across all instances together; null: no limit. Deliveries held back by the limit stay PENDING (they are not failed attempts).
             * @example 50
             */
            rateLimitPerSecond?: number | null;
            /**
             * @description PAUSED keeps new deliveries waiting; ACTIVE sends them (oldest event first) and re-enables a DISABLED subscription
             * @example PAUSED
             * @enum {string}
             */
            status?: "ACTIVE" | "PAUSED";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AdminAccountsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountDto"];
            };
        };
        responses: {
            /** @description The account and its API key (shown only here) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountCreatedDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EventsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The nextCursor of the previous page */
                cursor?: string;
                type?: "payment.created" | "payment.processing" | "payment.paid" | "payment.failed" | "payment.cancelled" | "subscription.disabled";
                paymentId?: string;
                /** @description Inclusive */
                createdFrom?: string;
                /** @description Exclusive */
                createdTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPageDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EventsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PaymentsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The nextCursor of the previous page */
                cursor?: string;
                /** @description Only payments created at or after this time (ISO 8601) */
                createdFrom?: string;
                /** @description Only payments created before this time (ISO 8601, exclusive) */
                createdTo?: string;
                /** @description Only the payment with this externalRef */
                externalRef?: string;
                status?: "PENDING" | "PROCESSING" | "PAID" | "FAILED" | "CANCELLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of payments, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPageDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PaymentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePaymentsRequestDto"];
            };
        };
        responses: {
            /** @description Every item was a replay */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatePaymentsResponseDto"];
                };
            };
            /** @description Created (and maybe replayed), none rejected */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatePaymentsResponseDto"];
                };
            };
            /** @description Some items were rejected (per-item mode) */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatePaymentsResponseDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Valid request that the business rules refuse */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PaymentsExportController_export: {
        parameters: {
            query?: {
                /** @description Only payments created at or after this time (ISO 8601) */
                createdFrom?: string;
                /** @description Only payments created before this time (ISO 8601, exclusive) */
                createdTo?: string;
                /** @description Only payments in this status */
                status?: "PENDING" | "PROCESSING" | "PAID" | "FAILED" | "CANCELLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file (`Content-Disposition: attachment; filename="payments-<from>-<to>.csv"`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example id,externalRef,status,amount,currency,country,fee,beneficiaryName,reference,createdAt,updatedAt,failureReason
                     *     0193a1b2-c3e0-7a10-9b2c-3d4e5f6a7b8c,order-8812,PAID,1250.50,INR,IN,25.00,Asha Rao,Invoice 8812,2026-11-24T05:37:19.123Z,2026-11-24T05:37:26.456Z,
                     */
                    "text/csv": string;
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    QuotesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuoteDto"];
            };
        };
        responses: {
            /** @description The quote */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentQuoteDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Valid request that the business rules refuse */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionsController_subscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscribeDto"];
            };
        };
        responses: {
            /** @description The subscription, with its secret (shown only here) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionCreatedDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of subscriptions, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPageDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSubscriptionDto"];
            };
        };
        responses: {
            /** @description The subscription, without its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionsController_deliveriesOf: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The nextCursor of the previous page */
                cursor?: string;
                status?: "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPageDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, due again now */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionOperationsController_recover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecoverDto"];
            };
        };
        responses: {
            /** @description How many deliveries were queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveredDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionsController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateSecretDto"];
            };
        };
        responses: {
            /** @description The new secret and when the previous one stops signing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedSecretDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SubscriptionOperationsController_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt, whatever the receiver answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSendDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PaymentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PaymentsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EventsController_ofPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The payment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventHistoryDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SandboxController_move: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxStatusDto"];
            };
        };
        responses: {
            /** @description The payment in its new status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or unknown API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The AccountId header names another account (`account-mismatch`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found, or not this account's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: every check is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyDto"];
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not ready (`not-ready`): `checks` names the failing ones */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotReadyProblemDto"];
                };
            };
        };
    };
    MetricsController_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Invalid request (`validation-failed`, `malformed-json`, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body over 1 MiB (`payload-too-large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Body is not application/json (`unsupported-media-type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests (`rate-limited`), see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unexpected error (`internal-error`): it reveals nothing and is logged; retry later */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Temporarily unavailable (`service-unavailable`, or `not-ready` naming the failing checks), retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
