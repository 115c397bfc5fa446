/**
 * Shared helpers of the Payments e2e suite (test/e2e/payments/), one import for them all: each
 * lives in a module named after what it holds, re-exported here so that every importer keeps
 * `./payments-fixtures`.
 */
export { BENEFICIARIES, beneficiaryFor } from './beneficiaries';
export * from './payments-types';
export * from './payments-db';
export * from './payments-api';
export * from './problem-assertions';
export { waitFor } from './wait-for';
