import type { z } from "zod";
import { WallexInvalidRequestError } from "./errors";
import { isRecord } from "./schemas/common";

export type OnBehalfOf = { user: string } | { account: string };

/** `{user}` → `onBehalfOfUser`, `{account}` → `onBehalfOfAccount`; exactly one, never empty. */
export function onBehalfOfParam(o: OnBehalfOf): [string, string] {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  const [k, v] = entries[0] ?? [];
  if (entries.length !== 1 || (k !== "user" && k !== "account") || typeof v !== "string" || !v) {
    throw new TypeError("onBehalfOf takes exactly one of { user } or { account } with a non-empty id");
  }
  return [k === "user" ? "onBehalfOfUser" : "onBehalfOfAccount", v];
}

export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item));
  }
  const s = qs.toString();
  return s ? `?${s}` : "";
}

/** Caller input that fails the table's schema never reaches Wallex. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of r.error.issues) (fieldErrors[issue.path.join(".") || where] ??= []).push(issue.message);
  throw new WallexInvalidRequestError(`invalid ${where}: ${r.error.message}`, { fieldErrors });
}

export async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Retry-After in seconds or as an HTTP date → ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with jitter: half fixed, half random. */
export function backoffMs(retry: number, baseMs: number, maxMs: number): number {
  const d = Math.min(maxMs, baseMs * 2 ** (retry - 1));
  return d / 2 + Math.random() * (d / 2);
}

export function withField(body: unknown, key: string, value: string): Record<string, unknown> {
  return { ...(isRecord(body) ? body : {}), [key]: value };
}
