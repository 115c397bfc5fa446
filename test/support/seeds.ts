/**
 * Seeds of every random test input: a fixed default, overridable from the environment to explore
 * or to replay a run, and printed so that any run can be replayed.
 */

/** The seed named `envName` (e.g. HOSTILE_SEED) if set, else `fallback`; printed either way. */
export function testSeed(envName: string, fallback: number): number {
  const given = process.env[envName];
  const seed = given === undefined || given === '' ? fallback : Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`${envName} must be an integer, got "${given}"`);
  // eslint-disable-next-line no-console
  console.log(`${envName}=${seed} (set it to replay this run)`);
  return seed;
}

/**
 * A seeded uniform random number in [0, 1), like Math.random (mulberry32: a few lines, 32-bit
 * state, ample for choosing delays and shuffles; not for anything secret).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
