import { z } from "zod";
import { entity } from "../schemas/common";
import { endpoint } from "./define";

/** webhooks.md: one subscription per partner; `headers` carry our shared secret (no signature). */
/** Headers come as a map or as `[{key, value}]` (the JSON shape is not documented); callers get a map. */
const headerMap = z.union([
  z.record(z.string(), z.string()),
  z
    .array(z.looseObject({ key: z.string(), value: z.string() }))
    .transform((a) => Object.fromEntries(a.map((h) => [h.key, h.value]))),
]);
const subscription = entity({ url: z.string().nullish(), headers: headerMap.nullish() });

export const webhooks = {
  retrieve: endpoint({ method: "GET", path: "/v2/webhooks", response: subscription }),
  /** `POST` and `PATCH` on the same path are inferred alternatives. */
  update: endpoint({
    method: "PUT",
    path: "/v2/webhooks",
    response: subscription,
    body: z.looseObject({ url: z.url(), headers: z.record(z.string(), z.string()).optional() }),
  }),
};
