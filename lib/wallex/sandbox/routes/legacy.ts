import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import type { Engine } from "../engine";
import type { Ctx, Env } from "../http";

/** Marks an internal re-dispatch so the gateway does not count it twice (rate limit, faults). */
export const FORWARD_SECRET = randomBytes(16).toString("hex");

/**
 * Legacy v1 paths (README D3, D16): re-dispatched to the v2 handler, answered as {data: object}.
 * /users/v1/authenticate lives in auth.ts and answers {token} like v2.
 */
export function legacyRoutes(app: Hono<Env>, _engine: Engine) {
  const forward =
    (method: string, path: (c: Ctx) => string, rename?: (data: Record<string, unknown>) => Record<string, unknown>) =>
    async (c: Ctx) => {
      const url = new URL(c.req.url);
      url.pathname = path(c);
      const headers = new Headers(c.req.raw.headers);
      headers.set("x-sandbox-forwarded", FORWARD_SECRET);
      const body = method === "GET" || method === "DELETE" ? undefined : await c.req.text();
      const res = await app.fetch(new Request(url, { method, headers, body }));
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) return c.json(json, res.status as 400);
      return c.json({ data: rename ? rename(json) : json });
    };
  const bodyId = async (c: Ctx, key: string) => {
    const text = await c.req.text();
    let id = "";
    try {
      id = String((JSON.parse(text || "{}") as Record<string, unknown>)[key] ?? "");
    } catch {
      /* the v2 handler reports the malformed body */
    }
    return id;
  };

  app.post(
    "/simple-payments/v1/quote",
    forward("POST", () => "/v2/payments/quote"),
  );
  app.post(
    "/simple-payments/v1/create",
    forward("POST", () => "/v2/payments"),
  );
  app.post(
    "/simple-payments/v1/get-upload-url",
    forward(
      "POST",
      () => "/v2/payments/upload-url",
      ({ uploadURL, ...rest }) => ({ uploadUrl: uploadURL, ...rest }),
    ),
  );
  app.post("/simple-payments/v1/fund", async (c) => {
    const id = await bodyId(c, "simplePaymentId");
    return forward("POST", () => `/v2/payments/${encodeURIComponent(id || "missing")}/fund`)(c);
  });
  app.post(
    "/beneficiaries/v1/create",
    forward("POST", () => "/v2/beneficiaries"),
  );
  app.get(
    "/beneficiaries/v1/item/:id",
    forward("GET", (c) => `/v2/beneficiaries/${c.req.param("id")}`),
  );
  app.delete(
    "/beneficiaries/v1/item/:id",
    forward("DELETE", (c) => `/v2/beneficiaries/${c.req.param("id")}`),
  );
}
