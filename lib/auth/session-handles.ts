import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** How long a rendered list of devices stays usable for signing one out. */
export const SESSION_VIEW_TTL_MS = 60 * 60 * 1000;

/**
 * The browser never sees a session row's id. Each rendering of the devices list gets a view stamp
 * (time + random), and each session in it a handle: an HMAC of user, view and session id under a
 * key derived from AUTH_SECRET. Handles differ on every view, mean nothing elsewhere, and map back
 * only by recomputing them over the person's own live sessions.
 */
export function newSessionView(userId: string, now = Date.now()) {
  const view = `${now.toString(36)}.${randomBytes(12).toString("base64url")}`;
  return { view, handleOf: (sessionId: string) => handleFor(userId, view, sessionId) };
}

/** The id among `sessionIds` (the person's own) that `handle` names in `view`, or null. */
export function resolveSessionHandle(
  userId: string,
  input: { view: string; handle: string },
  sessionIds: string[],
  now = Date.now(),
): string | null {
  const issuedAt = parseInt(input.view.split(".")[0] ?? "", 36);
  if (!Number.isFinite(issuedAt) || now - issuedAt > SESSION_VIEW_TTL_MS || issuedAt - now > 60_000) return null;
  const given = Buffer.from(input.handle);
  for (const id of sessionIds) {
    const expected = Buffer.from(handleFor(userId, input.view, id));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return id;
  }
  return null;
}

let key: Buffer | undefined;
function handleKey() {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start the app with `npm start`, which provides one.");
  key ??= createHmac("sha256", secret).update("partner-desk/session-handles").digest();
  return key;
}

function handleFor(userId: string, view: string, sessionId: string) {
  return createHmac("sha256", handleKey()).update(`${userId}\n${view}\n${sessionId}`).digest("base64url");
}
