import { z } from "zod";

/**
 * Date-only KYC fields (`dateOfBirth`, `issueDate`, `expiryDate`, `incorporationDate`) travel as
 * `dd-MM-yyyy` (README D21, peer code); the first edition's `YYYY-MM-DD` is read as well. Display
 * formats are not this module's business.
 */
export const WALLEX_DATE_FORMAT = "dd-MM-yyyy";

const DMY = /^(\d{2})-(\d{2})-(\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `[year, month, day]` of either spelling, or null when it is neither or not a real calendar day. */
function parts(value: string): [number, number, number] | null {
  const dmy = DMY.exec(value);
  const ymd = YMD.exec(value);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (!y) return null;
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return [year, month, day];
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `YYYY-MM-DD` (or already `dd-MM-yyyy`) → `dd-MM-yyyy`; null when not a real date. */
export function toWallexDate(value: string): string | null {
  const p = parts(value.trim());
  return p ? `${pad(p[2])}-${pad(p[1])}-${pad(p[0], 4)}` : null;
}

/** A date Wallex returned, in either spelling → ISO `YYYY-MM-DD`; null when it is not a real date. */
export function fromWallexDate(value: string): string | null {
  const p = parts(value.trim());
  return p ? `${pad(p[0], 4)}-${pad(p[1])}-${pad(p[2])}` : null;
}

/** Request bodies: accepts either spelling, refuses impossible dates, sends `dd-MM-yyyy`. */
export const wallexDate = z.string().transform((v, ctx) => {
  const out = toWallexDate(v);
  if (out === null) {
    ctx.addIssue({ code: "custom", message: `must be a real date (YYYY-MM-DD or ${WALLEX_DATE_FORMAT}), got ${v}` });
    return z.NEVER;
  }
  return out;
});
