import type { z } from "zod";
import { invalid, invalidFields, type FieldErrors } from "./errors";

/** Validates with zod and turns issues into per-field messages in Wallex's error shape. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  const missing: string[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "body";
    const isMissing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    const message = isMissing ? "is required" : issue.message;
    if (isMissing) missing.push(field);
    (fields[field] ??= []).push(message);
  }
  throw invalidFields(fields, missing);
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== "string" || !value.trim()) throw invalid(field, "is required");
  return value;
}
