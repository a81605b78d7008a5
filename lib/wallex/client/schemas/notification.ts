import { z } from "zod";
import { isRecord, normalizeEnum } from "./common";

/**
 * A Wallex webhook body (README D10): `{resource, resourceId, status, accountId?, reason?, remarks?}`.
 * No event-name field and no signature: re-read the resource through the API before acting on it.
 * D11: v1-era funding receivers read `fundingId`; it is used when `resourceId` is missing.
 */
export const notification = z.preprocess(
  (raw) =>
    isRecord(raw) && raw.resourceId == null && typeof raw.fundingId === "string"
      ? { ...raw, resourceId: raw.fundingId }
      : raw,
  z.looseObject({
    resource: z.string().transform(normalizeEnum),
    resourceId: z.string().min(1),
    status: z.string().transform(normalizeEnum),
    accountId: z.string().nullish(),
    reason: z.string().nullish(),
    remarks: z.string().nullish(),
  }),
);
export type WallexNotification = z.output<typeof notification>;
