import { z } from "zod";
import { userText } from "./text";

/**
 * Filters come from the URL, which anyone can write: whatever is malformed is ignored (the filter
 * is off) rather than failing the page, and nothing unchecked reaches SQL.
 */
export type SearchParams = Record<string, string | string[] | undefined>;

/** `?page=1&page=2` arrives as an array: the first value counts. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const MAX_PAGE = 100_000;

/** Free text (search boxes, menus): bounded, NUL- and surrogate-free, blank means no filter. */
export const filterText = (max: number) =>
  z
    .preprocess(
      first,
      userText
        .trim()
        .max(max)
        .transform((v) => v || undefined)
        .optional(),
    )
    .catch(undefined);

export const filterEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(first, z.enum(values).optional()).catch(undefined);

/** Request ids are searched by what the tables show (their first 8 characters) or whole. */
export const MIN_ID_PREFIX = 4;
export const idPrefixProblem = (value: string | undefined) =>
  value !== undefined && value.length < MIN_ID_PREFIX
    ? `Type at least ${MIN_ID_PREFIX} characters of the request ID.`
    : undefined;

/** A day as "YYYY-MM-DD" that exists on the calendar (not 2024-13-45, not 2024-02-30). */
export const isCalendarDay = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
};
export const filterDay = z.preprocess(first, z.string().refine(isCalendarDay).optional()).catch(undefined);

/** A 1-based page number: a safe whole number up to MAX_PAGE, else page 1 (so not 1e309, -1 or NaN). */
export const filterPage = z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1).default(1);

/** Our row ids are UUIDs; anything else (36 dashes…) is checked here, before PostgreSQL refuses it. */
export const isUuid = (v: unknown): v is string => z.uuid().safeParse(v).success;
export const filterUuid = z.preprocess(first, z.uuid().optional()).catch(undefined);
