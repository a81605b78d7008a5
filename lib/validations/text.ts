import { z } from "zod";

/**
 * Characters no text field may hold: NUL (PostgreSQL refuses it in text), the other C0 controls but
 * tab, line feed and carriage return, DEL (HTTP headers refuse them), and a UTF-16 surrogate without
 * its pair (it has no UTF-8 form, so it would be stored as U+FFFD, not as typed).
 */
const UNSUPPORTED =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSUPPORTED_CHARACTERS = "Remove unsupported characters.";

export function hasUnsupportedCharacters(value: string) {
  return UNSUPPORTED.test(value);
}

/** The base of every text field of every form and filter: a string with nothing we cannot store or send. */
export const userText = z
  .string()
  .refine((v) => !hasUnsupportedCharacters(v), { message: UNSUPPORTED_CHARACTERS, abort: true });
