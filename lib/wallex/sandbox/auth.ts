import { createHash, timingSafeEqual } from "node:crypto";
import type { Hono, MiddlewareHandler } from "hono";
import { iso } from "./clock";
import { CHOICES } from "./config";
import type { Engine } from "./engine";
import { unauthenticated } from "./errors";
import { readBody, type Env } from "./http";
import { token as newToken } from "./ids";

const hash = (t: string) => createHash("sha256").update(t).digest("hex");

const same = (a: unknown, b: string) =>
  typeof a === "string" && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The session token from Authorization, with or without "Bearer ". */
export function presentedToken(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  return value.replace(/^bearer\s+/i, "") || undefined;
}

export function authRoutes(app: Hono<Env>, engine: Engine) {
  const authenticate = async (c: Parameters<MiddlewareHandler<Env>>[0]) => {
    const partner = c.get("partner");
    const body = await readBody(c);
    if (!same(body.accessKeyId, partner.accessKeyId) || !same(body.secretAccessKey, partner.secretAccessKey)) {
      throw unauthenticated();
    }
    const t = newToken();
    await engine.write((tx) => {
      // Expired and revoked tokens of this partner are dropped here, so the table stays small.
      for (const old of tx.all("token")) {
        if (old._partnerId === partner.id && (old.expiresAtMs <= tx.now || old.revokedAt)) tx.remove("token", old.id);
      }
      tx.insert("token", {
        id: hash(t),
        _partnerId: partner.id,
        createdAt: iso(tx.now),
        expiresAtMs: tx.now + CHOICES.tokenTtlMs,
      });
    });
    return c.json({ token: t });
  };
  app.post("/v2/authenticate", authenticate);
  app.post("/users/v1/authenticate", authenticate);

  app.post("/v2/logout", async (c) => {
    const id = liveToken(engine, c.req.header("authorization"), c.get("partner").id);
    await engine.write((tx) => tx.update("token", id, { revokedAt: iso(tx.now) }));
    return c.json({ message: "logged out" });
  });
}

/** The stored id of a live token of this partner, or 401 authentication_failed. */
function liveToken(engine: Engine, header: string | undefined, partnerId: string): string {
  const t = presentedToken(header);
  const record = t ? engine.state.get("token", hash(t)) : undefined;
  if (!record || record._partnerId !== partnerId || record.revokedAt || record.expiresAtMs <= engine.now()) {
    throw unauthenticated();
  }
  return record.id;
}

/** 401 authentication_failed unless a live token of this partner is presented. */
export function requireToken(engine: Engine): MiddlewareHandler<Env> {
  return async (c, next) => {
    liveToken(engine, c.req.header("authorization"), c.get("partner").id);
    await next();
  };
}
