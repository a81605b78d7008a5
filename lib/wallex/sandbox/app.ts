import { cors } from "hono/cors";
import { Hono } from "hono";
import { requireToken, authRoutes } from "./auth";
import { CHOICES } from "./config";
import type { Engine } from "./engine";
import { forbidden, notAuthorized, SandboxError, tooManyRequests } from "./errors";
import { helperRoutes } from "./helpers/routes";
import { DEFAULT_STORAGE_SECRET, storageRoutes } from "./helpers/storage";
import type { Env } from "./http";
import { RateLimiter } from "./rate-limit";
import { balanceRoutes } from "./routes/balances";
import { beneficiaryRoutes } from "./routes/beneficiaries";
import { collectionRequestRoutes } from "./routes/collection-requests";
import { collectionRoutes } from "./routes/collections";
import { conversionRoutes } from "./routes/conversions";
import { fundingRoutes } from "./routes/funding";
import { FORWARD_SECRET, legacyRoutes } from "./routes/legacy";
import { paymentRoutes } from "./routes/payments";
import { userRoutes } from "./routes/users";
import { utilRoutes } from "./routes/utils";
import { webhookRoutes } from "./routes/webhooks";

export const HELPER_PREFIX = "/_sandbox";

/** The Hono app: gateway checks (key, rate limit, faults, token), then one router per reference file. */
export function createApp(engine: Engine, publicBase: (req: Request) => string): Hono<Env> {
  const app = new Hono<Env>({ strict: false });
  const rl = engine.options.rateLimit;
  const limiter =
    rl === false
      ? undefined
      : new RateLimiter(rl?.perSecond ?? CHOICES.rateLimit.perSecond, rl?.perDay ?? CHOICES.rateLimit.perDay, () =>
          engine.now(),
        );

  app.onError((err, c) => {
    if (err instanceof SandboxError) return c.json(err.body(), err.status as 400);
    console.error("[wallex-sandbox] unexpected error", err);
    return c.json({ message: "Internal Server Error", error_code: "INTERNAL_ERROR" }, 500);
  });
  app.notFound((c) => c.json({ message: `Not Found: ${c.req.method} ${c.req.path}`, error_code: "NOT_FOUND" }, 404));

  app.use("*", async (c, next) => {
    c.set("base", publicBase(c.req.raw));
    c.set("storageSecret", engine.options.storageSecret ?? DEFAULT_STORAGE_SECRET);
    await next();
  });
  storageRoutes(app, engine);
  // The test helpers may be driven from browser pages: any origin standalone, only the host's when embedded.
  const origins = engine.options.helperOrigins;
  app.use(
    `${HELPER_PREFIX}/*`,
    cors({
      origin: origins ? (origin) => (origins.includes(origin) ? origin : null) : "*",
      allowHeaders: ["X-Api-Key", "Content-Type", "X-Request-ID"],
      credentials: !!origins,
    }),
  );

  app.use("*", async (c, next) => {
    const partner = engine.partnerByKey(c.req.header("x-api-key"));
    if (!partner) throw forbidden();
    c.set("partner", partner);
    if (c.req.path.startsWith(HELPER_PREFIX) || c.req.header("x-sandbox-forwarded") === FORWARD_SECRET) return next();
    if (limiter) {
      const verdict = limiter.take(partner.apiKey);
      if (verdict !== "ok") throw tooManyRequests(verdict === "day");
    }
    const fault = engine.runtime.takeRequestFault(partner.id);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.status && !fault.after)
      throw new SandboxError(fault.status, fault.message ?? "Injected fault", "INJECTED_FAULT");
    await next();
    if (fault?.status && fault.after) {
      c.res = c.json(
        { message: fault.message ?? "Injected fault (the request took effect)", error_code: "INJECTED_FAULT" },
        fault.status as 500,
      );
    }
  });

  authRoutes(app, engine);
  helperRoutes(app, engine);
  app.use("*", requireToken(engine));
  // collections.md §3.4: a partner without collections access got 400 NOT_AUTHORIZED.
  app.use("/v2/collection*", async (c, next) => {
    if (!c.get("partner").features.collections) throw notAuthorized();
    await next();
  });

  for (const routes of [
    userRoutes,
    utilRoutes,
    balanceRoutes,
    beneficiaryRoutes,
    paymentRoutes,
    conversionRoutes,
    collectionRoutes,
    collectionRequestRoutes,
    fundingRoutes,
    webhookRoutes,
    legacyRoutes,
  ])
    routes(app, engine);
  return app;
}
