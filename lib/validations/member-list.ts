import { z } from "zod";
import { isCountry } from "@/lib/countries";
import { filterEnum, filterText } from "./search-params";
import { hasUnsupportedCharacters } from "./text";

/**
 * The staff members list's query, from the URL: anything malformed is ignored (that filter is off,
 * a bad cursor means the first page), so a hand-written URL never fails the page.
 */
export const MEMBER_SORTS = ["created", "activity", "name"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** Newest first for the dates, A to Z for names. */
export const DEFAULT_DIRECTION: Record<MemberSort, SortDirection> = { created: "desc", activity: "desc", name: "asc" };

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Where a page starts or ends: the sort it was cut in, the row's sort value and its id. */
export type MemberCursor = { sort: MemberSort; dir: SortDirection; value: string; id: string };

const cursorShape = z.tuple([z.enum(MEMBER_SORTS), z.enum(["asc", "desc"]), z.string().max(600), z.uuid()]);

/** A UTC instant as PostgreSQL writes it for a cursor, that exists on the calendar. */
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const isInstant = (v: string) => {
  if (!ISO_MICROS.test(v)) return false;
  const date = new Date(v);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === v.slice(0, 19);
};

export function encodeCursor(cursor: MemberCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.value, cursor.id])).toString("base64url");
}

/** The cursor, or undefined for anything we did not write (so nothing unchecked reaches SQL). */
export function decodeCursor(raw: unknown): MemberCursor | undefined {
  if (typeof raw !== "string" || raw.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = cursorShape.safeParse(json);
  if (!parsed.success) return undefined;
  const [sort, dir, value, id] = parsed.data;
  if (sort !== "name" && !isInstant(value)) return undefined;
  // The name sort's value is the lower-cased display name: text we could have stored.
  if (hasUnsupportedCharacters(value)) return undefined;
  return { sort, dir, value, id };
}

const filterCursor = z.preprocess(first, z.unknown()).transform(decodeCursor);

export const memberListSchema = z.object({
  q: filterText(200),
  status: filterText(100),
  type: filterEnum(["individual", "company"]),
  country: z.preprocess(first, z.string().toUpperCase().refine(isCountry).optional()).catch(undefined),
  /** "needed": only members someone must act on (see needsActionWhere in lib/data/members.ts). */
  action: filterEnum(["needed"]),
  sort: filterEnum(MEMBER_SORTS),
  dir: filterEnum(["asc", "desc"]),
  after: filterCursor,
  before: filterCursor,
});

export type MemberListQuery = z.infer<typeof memberListSchema>;
/** The filters alone: what the count, the CSV and "no members yet" look at. */
export type MemberFilters = Pick<MemberListQuery, "q" | "status" | "type" | "country" | "action">;

export const sortOf = (query: Pick<MemberListQuery, "sort" | "dir">) => {
  const sort = query.sort ?? "created";
  return { sort, dir: query.dir ?? DEFAULT_DIRECTION[sort] };
};
