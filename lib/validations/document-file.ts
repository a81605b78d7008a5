/**
 * Onboarding document files: what we accept (PDF, JPEG, PNG up to 10 MB, never empty), checked
 * twice. In the browser from the File's name, declared type and size, to answer at once; on the
 * server from the bytes themselves (magic numbers, the real length), because the browser's type and
 * length are only claims. Results are message keys (`documents.file.*`), translated where shown.
 * No server-only import: the document form uses the same rules.
 */

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_MEGABYTES = MAX_DOCUMENT_BYTES / (1024 * 1024);

export const DOCUMENT_FILE_KINDS = {
  pdf: { mime: "application/pdf", extensions: ["pdf"] },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  png: { mime: "image/png", extensions: ["png"] },
} as const;
export type DocumentFileKind = keyof typeof DOCUMENT_FILE_KINDS;
export type DocumentMime = (typeof DOCUMENT_FILE_KINDS)[DocumentFileKind]["mime"];

/** For the file input's `accept`. */
export const DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

export type DocumentFileProblem = "empty" | "too_large" | "type" | "mismatch" | "name";
export type DocumentFileCheck =
  { ok: true; kind: DocumentFileKind; mime: DocumentMime } | { ok: false; problem: DocumentFileProblem };

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
};

/** The kind a file name claims by its extension, if it is one we take. */
export function kindFromName(name: string): DocumentFileKind | null {
  const ext = extensionOf(name);
  for (const [kind, def] of Object.entries(DOCUMENT_FILE_KINDS)) {
    if ((def.extensions as readonly string[]).includes(ext)) return kind as DocumentFileKind;
  }
  return null;
}

/** What the bytes are, by their magic number: `%PDF-`, the PNG signature, or a JPEG's SOI marker. */
export function sniffDocumentKind(bytes: Uint8Array): DocumentFileKind | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  return null;
}

/** A file name Wallex can keep: no path, no control characters, at most 120 characters, our extension kept. */
export function documentFileName(name: string): string | null {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  if (!base || base.startsWith(".") || !kindFromName(base)) return null;
  if (base.length <= 120) return base;
  const ext = extensionOf(base);
  return `${base.slice(0, 119 - ext.length)}.${ext}`;
}

/** In the browser, before any upload: the File's name, size and the type it declares. */
export function checkDocumentFileClaims(file: { name: string; size: number; type: string }): DocumentFileCheck {
  if (file.size <= 0) return { ok: false, problem: "empty" };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, problem: "too_large" };
  const kind = kindFromName(file.name);
  if (!kind) return { ok: false, problem: "type" };
  // Some systems declare nothing; a declared type must agree with the name.
  if (file.type && file.type.toLowerCase() !== DOCUMENT_FILE_KINDS[kind].mime)
    return { ok: false, problem: "mismatch" };
  return { ok: true, kind, mime: DOCUMENT_FILE_KINDS[kind].mime };
}

/** On the server, from what actually arrived: its real length and its magic number, against its name. */
export function checkDocumentFileBytes(bytes: Uint8Array, fileName: string): DocumentFileCheck {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, problem: "too_large" };
  if (!documentFileName(fileName)) return { ok: false, problem: kindFromName(fileName) ? "name" : "type" };
  const kind = sniffDocumentKind(bytes);
  if (!kind) return { ok: false, problem: "type" };
  if (kindFromName(fileName) !== kind) return { ok: false, problem: "mismatch" };
  return { ok: true, kind, mime: DOCUMENT_FILE_KINDS[kind].mime };
}
