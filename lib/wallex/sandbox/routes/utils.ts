import type { Hono } from "hono";
import type { Engine } from "../engine";
import { COUNTRIES } from "../fixtures/countries";
import { BUSINESS_TYPES } from "../fixtures/lists";
import type { Env } from "../http";
import { onePage } from "../pagination";

/** Reference lists (utils.md); File Upload is the storage route in helpers/storage.ts. */
export function utilRoutes(app: Hono<Env>, _engine: Engine) {
  app.get("/v2/utils/business-types", (c) => c.json(onePage(BUSINESS_TYPES)));
  app.get("/v2/utils/countries", (c) => c.json(onePage(COUNTRIES)));
}
