/**
 * Hostile input, the quick run: about 1,000 property-based cases over every endpoint (the
 * 10,000-case run is test/faults/hostile-input.fault-spec.ts, in `npm run test:faults`).
 * HOSTILE_CASES overrides the number; HOSTILE_SEED replays a run (default 10942026) or explores
 * others.
 */
import { hostileInputSuite } from './hostile-input-suite';

hostileInputSuite(Number(process.env.HOSTILE_CASES ?? 1_000), 10_942_026);
