import "server-only";
import { createHash } from "node:crypto";

/** The largest webhook body we read; Wallex's notifications are a few hundred bytes. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

export type CappedBody = { bytes: Buffer; size: number; tooLarge: boolean; sha256: string | null };

/**
 * Reads a request body as bytes, stopping as soon as it passes `cap` (a declared Content-Length
 * over the cap is refused without reading at all). A body over the cap is never kept or hashed.
 */
export async function readCappedBody(request: Request, cap = MAX_WEBHOOK_BODY_BYTES): Promise<CappedBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > cap) {
    await request.body?.cancel().catch(() => undefined);
    return { bytes: Buffer.alloc(0), size: declared, tooLarge: true, sha256: null };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        return { bytes: Buffer.alloc(0), size, tooLarge: true, sha256: null };
      }
      chunks.push(value);
    }
  }
  const bytes = Buffer.concat(chunks);
  return { bytes, size, tooLarge: false, sha256: createHash("sha256").update(bytes).digest("hex") };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text PostgreSQL accepts: no NUL (refused by text and jsonb alike), no lone surrogate (refused by jsonb). */
export function pgSafeText(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\ufffd");
}

/** The same for every string (keys included) of a parsed JSON value. */
export function pgSafeJson(value: unknown): unknown {
  if (typeof value === "string") return pgSafeText(value);
  if (Array.isArray(value)) return value.map(pgSafeJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [pgSafeText(key), pgSafeJson(inner)]));
  }
  return value;
}

/** The bytes as UTF-8 (invalid sequences become U+FFFD), made safe for PostgreSQL. */
export function bodyText(bytes: Buffer): string {
  return pgSafeText(new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes));
}
