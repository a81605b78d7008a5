/** Keys whose values never reach a log (compared lower-case, without `-`/`_`). */
const SECRET = new Set([
  "apikey",
  "xapikey",
  "secretaccesskey",
  "accesskeyid",
  "token",
  "accesstoken",
  "authorization",
  "password",
  "secret",
  "cookie",
  "setcookie",
]);
/** Document contents and uploaded bytes. */
const CONTENT = new Set([
  "content",
  "filecontent",
  "base64",
  "filedata",
  "document",
  "documentcontent",
  "bytes",
  "body",
]);
/** Account identifiers: keep the last 4 characters. */
const ACCOUNT = new Set([
  "accountnumber",
  "iban",
  "senderaccountnumber",
  "beneficiaryaccountnumber",
  "bankaccountnumber",
  "virtualaccountnumber",
]);

const norm = (key: string) => key.toLowerCase().replace(/[-_]/g, "");

/** "mei.tan@example.com" → "m***@example.com". */
export function maskEmail(value: unknown): string {
  const s = String(value ?? "");
  const at = s.lastIndexOf("@");
  return at < 1 ? "***" : `${s[0]}***${s.slice(at)}`;
}

export function maskAccountNumber(value: unknown): string {
  const s = String(value ?? "");
  return s.length <= 4 ? "****" : `****${s.slice(-4)}`;
}

/**
 * A deep copy of `value` safe for logs: secrets and document contents become "[REDACTED]", account
 * numbers keep their last 4 characters, e-mail addresses their first letter and domain, and pre-signed
 * upload URLs lose their signature query.
 */
export function redact<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(value: unknown, depth: number): unknown {
  if (depth > 20) return "[TRUNCATED]";
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
  if (value instanceof Headers) return walk(Object.fromEntries(value), depth);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const k = norm(key);
    if (v === null || v === undefined) out[key] = v;
    else if (SECRET.has(k) || k.endsWith("token") || k.endsWith("secret")) out[key] = "[REDACTED]";
    else if (CONTENT.has(k) && typeof v !== "object") out[key] = "[REDACTED]";
    else if (ACCOUNT.has(k) && typeof v !== "object") out[key] = maskAccountNumber(v);
    else if (k === "email" && typeof v === "string") out[key] = maskEmail(v);
    else if ((k === "uploadurl" || k === "url") && typeof v === "string") out[key] = stripQuery(v);
    else out[key] = walk(v, depth + 1);
  }
  return out;
}

function stripQuery(url: string): string {
  const i = url.indexOf("?");
  return i < 0 ? url : `${url.slice(0, i)}?[REDACTED]`;
}
