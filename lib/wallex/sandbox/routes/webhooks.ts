import type { Hono } from "hono";
import { z } from "zod";
import { iso } from "../clock";
import type { Engine } from "../engine";
import { invalid } from "../errors";
import { readBody, type Ctx, type Env } from "../http";
import { parse } from "../validation";

const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "must be a valid HTTP header name");
const headerValue = z
  .string()
  .max(4096)
  .refine((v) => !/[\r\n\0]/.test(v), "must not contain line breaks");
const schema = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be a valid http(s) URL" }),
  // webhooks.md §6.2: a map, or an array of {key, value}; both are accepted and stored as a map.
  headers: z
    .union([
      z.record(headerName, headerValue),
      z
        .array(z.object({ key: headerName, value: headerValue }))
        .transform((a) => Object.fromEntries(a.map((h) => [h.key, h.value]))),
    ])
    .optional(),
});

/** The partner's single webhook subscription (webhooks.md §6). */
export function webhookRoutes(app: Hono<Env>, engine: Engine) {
  app.get("/v2/webhooks", (c) => {
    const sub = engine.state.get("subscription", c.get("partner").id);
    return c.json(sub ? { url: sub.url, headers: sub.headers } : { url: null, headers: {} });
  });
  const update = async (c: Ctx) => {
    const body = parse(schema, await readBody(c));
    const partnerId = c.get("partner").id;
    const allowed = engine.options.webhookTargets;
    if (allowed && !allowed(body.url, partnerId))
      throw invalid("url", "is not a webhook address this sandbox delivers to");
    const sub = await engine.write((tx) => {
      const doc = { url: body.url, headers: body.headers ?? {}, updatedAt: iso(tx.now) };
      return tx.get("subscription", partnerId)
        ? tx.update("subscription", partnerId, doc)
        : tx.insert("subscription", { id: partnerId, _partnerId: partnerId, ...doc });
    });
    return c.json({ url: sub.url, headers: sub.headers });
  };
  app.put("/v2/webhooks", update);
  app.post("/v2/webhooks", update);
  app.patch("/v2/webhooks", update);
}
