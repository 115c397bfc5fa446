/**
 * Hostile input, the full run: 10,000 property-based cases over every endpoint (the default suite
 * runs about 1,000 cases of the same kinds, from another seed: hostile-input.e2e-spec.ts).
 * HOSTILE_FAULT_CASES overrides the number; HOSTILE_SEED replays a run (default 57610094) or
 * explores others.
 */
import { hostileInputSuite } from '../e2e/security/hostile-input-suite';

hostileInputSuite(Number(process.env.HOSTILE_FAULT_CASES ?? 10_000), 57_610_094);
