import { createHmac, timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import { iso } from "../clock";
import { CHOICES } from "../config";
import type { Engine } from "../engine";
import type { Ctx, Env } from "../http";

/**
 * A fake S3: pre-signed URLs on the sandbox itself (utils.md §3.4). PUT stores raw bytes, GET reads
 * them back. Neither needs Wallex headers; the signature and expiry in the query are checked.
 */
export const DEFAULT_STORAGE_SECRET = "wallex-sandbox-storage-v1";
const PREFIX = "/_sandbox/storage/";

function sign(c: Ctx, method: string, key: string, expires: number) {
  return createHmac("sha256", c.get("storageSecret")).update(`${method}\n${key}\n${expires}`).digest("hex");
}

function url(c: Ctx, method: string, key: string, now: number, ttl: number) {
  const expires = Math.floor((now + ttl) / 1000);
  return `${c.get("base")}${PREFIX}${encodeURIComponent(key)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=${expires}&X-Amz-Signature=${sign(c, method, key, expires)}`;
}

export const uploadUrl = (c: Ctx, key: string, now: number) => url(c, "PUT", key, now, CHOICES.uploadUrlTtlMs);
export const downloadUrl = (c: Ctx, key: string, now: number) =>
  url(c, "GET", key, now, CHOICES.paymentDocumentUrlTtlMs);
export const urlExpiry = (now: number) => iso(now + CHOICES.paymentDocumentUrlTtlMs);

function verified(c: Ctx, engine: Engine, method: string, key: string) {
  const expires = Number(c.req.query("X-Amz-Expires"));
  const signature = c.req.query("X-Amz-Signature") ?? "";
  const expected = sign(c, method, key, expires);
  const ok = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!ok) return "SignatureDoesNotMatch";
  if (expires * 1000 < engine.now()) return "Request has expired";
  return null;
}

const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export function storageRoutes(app: Hono<Env>, engine: Engine) {
  app.put(`${PREFIX}:key`, async (c) => {
    const key = c.req.param("key");
    const problem = verified(c, engine, "PUT", key);
    if (problem) return c.body(s3Error("AccessDenied", problem), 403, { "content-type": "application/xml" });
    const file = engine.state.get("file", key);
    if (!file) return c.body(s3Error("NoSuchUpload", "unknown upload"), 404, { "content-type": "application/xml" });
    const contentType = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (!(CHOICES.uploadContentTypes as readonly string[]).includes(contentType)) {
      return c.json(
        {
          message: `Content-Type must be one of ${CHOICES.uploadContentTypes.join(", ")}`,
          error_code: "VALIDATION_ERROR",
        },
        400,
      );
    }
    const bytes = Buffer.from(await c.req.arrayBuffer());
    await engine.write((tx) => {
      const now = iso(tx.now);
      tx.insert("object", {
        id: key,
        _partnerId: file._partnerId,
        contentType,
        size: bytes.length,
        data: bytes.toString("base64"),
        uploadedAt: now,
      });
      tx.update("file", key, { status: "uploaded", contentType, size: bytes.length, uploadedAt: now });
      if (file.ownerKind === "document" && tx.get("document", file.ownerId)) {
        tx.update("document", file.ownerId, { status: "uploaded", contentType, size: bytes.length, uploadedAt: now });
      }
    });
    return c.body(null, 200, { ETag: `"${bytes.length.toString(16)}-${key.slice(-8)}"` });
  });

  app.get(`${PREFIX}:key`, (c) => {
    const key = c.req.param("key");
    const problem = verified(c, engine, "GET", key);
    if (problem) return c.body(s3Error("AccessDenied", problem), 403, { "content-type": "application/xml" });
    const object = engine.state.get("object", key);
    if (!object)
      return c.body(s3Error("NoSuchKey", "The specified key does not exist."), 404, {
        "content-type": "application/xml",
      });
    return c.body(Buffer.from(object.data, "base64"), 200, { "content-type": object.contentType });
  });
}
