import { afterEach, describe, expect, it } from "vitest";
import { mulberry32, seedFrom } from "./seeded-random";

describe("mulberry32", () => {
  it("replays the same draws for a seed, and other draws for another", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    // The reference sequence for seed 1 (first draw of the published algorithm).
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 12);
  });

  it("draws in [0, 1)", () => {
    const next = mulberry32(7);
    const draws = Array.from({ length: 10_000 }, next);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});

describe("seedFrom", () => {
  afterEach(() => {
    delete process.env.TEST_SEED_FROM;
  });

  it("takes the seed from the environment, else makes one", () => {
    process.env.TEST_SEED_FROM = "12345";
    expect(seedFrom("TEST_SEED_FROM")).toBe(12345);
    delete process.env.TEST_SEED_FROM;
    const fresh = seedFrom("TEST_SEED_FROM");
    expect(Number.isInteger(fresh) && fresh >= 0 && fresh < 2 ** 32).toBe(true);
  });

  it("refuses a seed that is not a 32-bit integer", () => {
    process.env.TEST_SEED_FROM = "abc";
    expect(() => seedFrom("TEST_SEED_FROM")).toThrow(/TEST_SEED_FROM must be an integer/);
  });
});
