import { z } from "zod";

export { money, moneyInput } from "./wire-decimal";

export const id = z.string().min(1);
/** Lenient on purpose (responses): an unexpected code must not fail a read. */
export const currency = z.string().transform((c) => c.toUpperCase());
export const timestamp = z.string();

/** D12, D13, D18: lower-case, spaces and hyphens become `_`, the integrator spelling maps to the docs one. */
export function normalizeEnum(value: string): string {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return v === "documents_need_resubmission" ? "document_needs_resubmission" : v;
}
export const status = z.string().transform(normalizeEnum);

/**
 * A single object. D3: v2 returns it bare, legacy paths wrap it in `{data}`; unwrap defensively.
 * D8: every retrievable object carries `id`; fall back to the resource-specific key.
 * Unknown fields are kept (loose objects), so new Wallex fields never break a call.
 */
export function entity<S extends z.ZodRawShape>(shape: S, idKey?: string) {
  return z.preprocess((raw) => {
    let body = raw;
    if (isRecord(body) && isRecord(body.data) && !("pagination" in body)) body = body.data;
    if (idKey && isRecord(body) && body.id == null && typeof body[idKey] === "string")
      body = { ...body, id: body[idKey] };
    // D5: v2 spells `uploadURL`; the v1-era `uploadUrl` is read as a fallback.
    if (isRecord(body) && body.uploadURL == null && typeof body.uploadUrl === "string")
      body = { ...body, uploadURL: body.uploadUrl };
    return body;
  }, z.looseObject(shape));
}

export const pagination = z.looseObject({
  page: z.number().optional(),
  limit: z.number().optional(),
  total: z.number().optional(),
  totalPages: z.number().optional(),
});

/** D4: `{data: [], pagination}`; pagination is optional and a bare array is tolerated. */
export function page<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (raw) => (Array.isArray(raw) ? { data: raw } : raw),
    z.looseObject({ data: z.array(item), pagination: pagination.optional() }),
  );
}

/** Listing query: paging plus any filter the endpoint accepts (unknown filters pass through). */
export const listQuery = z.looseObject({
  page: z.number().int().positive().optional(),
  limit: z.number().int().positive().max(100).optional(),
});

/** Reference list items (`{key, description}` or `{code, name}`). */
export const listItem = z.looseObject({
  key: z.string().optional(),
  code: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
});

/** Onboarding completeness object (users.md): `{value, missingFields}`. */
export const completeness = z.looseObject({
  value: z.string().optional(),
  missingFields: z.array(z.string()).optional(),
});

/** Wallex error body (00-conventions.md §5.2); every key optional. */
export const errorBody = z.looseObject({
  message: z.unknown().optional(),
  error_code: z.string().optional(),
  errors: z.array(z.looseObject({ message: z.unknown() })).optional(),
  missingFields: z.array(z.string()).optional(),
  value: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** An action answer whose shape is not described (D3: a bare object). */
export const anyObject = z.looseObject({});

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Upload URL answers (payments, collections): D5. */
export const uploadUrl = entity({ uploadURL: z.string(), fileId: z.string() });
