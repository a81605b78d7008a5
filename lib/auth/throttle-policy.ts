/** Failed sign-ins: at most `maxFailures` per `windowMs`, then locked for `lockMs`. */
export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };
export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

const minutes = (n: number) => n * 60_000;

export const throttlePolicies = {
  account: { maxFailures: 5, windowMs: minutes(15), lockMs: minutes(15) },
  ip: { maxFailures: 30, windowMs: minutes(15), lockMs: minutes(15) },
} satisfies Record<string, ThrottlePolicy>;

export function isLocked(state: ThrottleState | undefined, now: Date) {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

export function afterFailure(state: ThrottleState | undefined, now: Date, policy: ThrottlePolicy): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < policy.windowMs;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockedUntil =
    failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : (state?.lockedUntil ?? null);
  return { failures, windowStartedAt, lockedUntil };
}

/** Minutes until the lock lifts, rounded up, for the message shown to the person. */
export function minutesLeft(state: ThrottleState, now: Date) {
  return Math.max(1, Math.ceil(((state.lockedUntil?.getTime() ?? 0) - now.getTime()) / 60_000));
}
