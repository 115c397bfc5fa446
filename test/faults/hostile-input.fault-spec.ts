/**
 * Hostile input, the full run: 10,000 property-based cases over every endpoint (the default suite
 * runs about 1,000 of the same cases: test/e2e/security/hostile-input.e2e-spec.ts).
 * HOSTILE_FAULT_CASES overrides the number, HOSTILE_SEED replays a run.
 */
import { hostileInputSuite } from '../e2e/security/hostile-input-suite';

hostileInputSuite(Number(process.env.HOSTILE_FAULT_CASES ?? 10_000));
