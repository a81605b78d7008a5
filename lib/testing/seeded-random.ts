/**
 * mulberry32: a tiny, well-known 32-bit PRNG. Good enough to draw test scenarios, and a seed replays
 * the same draws.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed named by the environment variable `name` (to replay a run), else a fresh one. */
export function seedFrom(name: string): number {
  const given = process.env[name];
  if (given === undefined || given === "") return Math.floor(Math.random() * 4_294_967_296);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 4_294_967_296) {
    throw new Error(`${name} must be an integer in [0, 2^32), got ${given}`);
  }
  return seed;
}
