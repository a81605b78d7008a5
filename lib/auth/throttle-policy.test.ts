import { describe, expect, test } from "vitest";
import { afterFailure, isLocked, minutesLeft, type ThrottleState } from "./throttle-policy";

const policy = { maxFailures: 3, windowMs: 60_000, lockMs: 300_000 };
const at = (ms: number) => new Date(1_700_000_000_000 + ms);

describe("sign-in throttle", () => {
  test("locks after the maximum failures inside the window", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 2; i++) state = afterFailure(state, at(i * 1000), policy);
    expect(isLocked(state, at(2000))).toBe(false);
    state = afterFailure(state, at(3000), policy);
    expect(isLocked(state, at(3001))).toBe(true);
    expect(minutesLeft(state, at(3001))).toBe(5);
  });

  test("the lock lifts when its time is up", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 3; i++) state = afterFailure(state, at(0), policy);
    expect(isLocked(state, at(300_001))).toBe(false);
  });

  test("failures spread beyond the window start a new count", () => {
    let state = afterFailure(undefined, at(0), policy);
    state = afterFailure(state, at(10_000), policy);
    state = afterFailure(state, at(70_000), policy);
    expect(state.failures).toBe(1);
    expect(isLocked(state, at(70_001))).toBe(false);
  });
});
