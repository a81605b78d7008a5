import { describe, expect, test } from "vitest";
import {
  checkDocumentFileBytes,
  checkDocumentFileClaims,
  documentFileName,
  MAX_DOCUMENT_BYTES,
  sniffDocumentKind,
} from "./document-file";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const GIF = new TextEncoder().encode("GIF89a....");
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

describe("the type comes from the bytes", () => {
  test.each([
    ["pdf", PDF],
    ["png", PNG],
    ["jpeg", JPEG],
  ] as const)("%s", (kind, bytes) => {
    expect(sniffDocumentKind(bytes)).toBe(kind);
  });

  test("anything else is none of ours", () => {
    expect(sniffDocumentKind(GIF)).toBeNull();
    expect(sniffDocumentKind(EXE)).toBeNull();
    expect(sniffDocumentKind(new TextEncoder().encode("%PD"))).toBeNull();
  });

  test("a PDF, a PNG and a JPEG with their own names pass, with their real MIME type", () => {
    expect(checkDocumentFileBytes(PDF, "passport.pdf")).toEqual({ ok: true, kind: "pdf", mime: "application/pdf" });
    expect(checkDocumentFileBytes(PNG, "ktp.PNG")).toEqual({ ok: true, kind: "png", mime: "image/png" });
    expect(checkDocumentFileBytes(JPEG, "bill.jpeg")).toEqual({ ok: true, kind: "jpeg", mime: "image/jpeg" });
    expect(checkDocumentFileBytes(JPEG, "bill.jpg")).toMatchObject({ ok: true, kind: "jpeg" });
  });

  test("a PNG renamed .pdf is refused: the name and the content disagree", () => {
    expect(checkDocumentFileBytes(PNG, "passport.pdf")).toEqual({ ok: false, problem: "mismatch" });
    expect(checkDocumentFileBytes(PDF, "photo.png")).toEqual({ ok: false, problem: "mismatch" });
  });

  test("other content is refused whatever its name", () => {
    expect(checkDocumentFileBytes(EXE, "passport.pdf")).toEqual({ ok: false, problem: "type" });
    expect(checkDocumentFileBytes(GIF, "scan.png")).toEqual({ ok: false, problem: "type" });
    expect(checkDocumentFileBytes(PDF, "passport.exe")).toEqual({ ok: false, problem: "type" });
    expect(checkDocumentFileBytes(PDF, "passport")).toEqual({ ok: false, problem: "type" });
  });

  test("empty and oversize files are refused by their real length", () => {
    expect(checkDocumentFileBytes(new Uint8Array(0), "passport.pdf")).toEqual({ ok: false, problem: "empty" });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF);
    expect(checkDocumentFileBytes(big, "passport.pdf")).toEqual({ ok: false, problem: "too_large" });
    const exact = new Uint8Array(MAX_DOCUMENT_BYTES);
    exact.set(PDF);
    expect(checkDocumentFileBytes(exact, "passport.pdf")).toMatchObject({ ok: true });
  });
});

describe("in the browser, from the File's claims", () => {
  test("the name, declared type and size", () => {
    expect(checkDocumentFileClaims({ name: "a.pdf", size: 10, type: "application/pdf" })).toMatchObject({ ok: true });
    expect(checkDocumentFileClaims({ name: "a.jpg", size: 10, type: "" })).toMatchObject({ ok: true, kind: "jpeg" });
    expect(checkDocumentFileClaims({ name: "a.pdf", size: 0, type: "application/pdf" })).toEqual({
      ok: false,
      problem: "empty",
    });
    expect(checkDocumentFileClaims({ name: "a.pdf", size: MAX_DOCUMENT_BYTES + 1, type: "application/pdf" })).toEqual({
      ok: false,
      problem: "too_large",
    });
    expect(checkDocumentFileClaims({ name: "a.gif", size: 10, type: "image/gif" })).toEqual({
      ok: false,
      problem: "type",
    });
    expect(checkDocumentFileClaims({ name: "a.pdf", size: 10, type: "image/png" })).toEqual({
      ok: false,
      problem: "mismatch",
    });
  });
});

describe("the name Wallex keeps", () => {
  test("no path, no control characters, not too long, the extension kept", () => {
    expect(documentFileName("C:\\Users\\me\\passport.pdf")).toBe("passport.pdf");
    expect(documentFileName("../../etc/passport.pdf")).toBe("passport.pdf");
    expect(documentFileName("pass\u0000port\n.pdf")).toBe("passport.pdf");
    expect(documentFileName(".pdf")).toBeNull();
    expect(documentFileName("passport")).toBeNull();
    const long = documentFileName(`${"a".repeat(300)}.jpeg`)!;
    expect(long).toHaveLength(120);
    expect(long.endsWith(".jpeg")).toBe(true);
  });
});
