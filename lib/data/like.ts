import type { SQL } from "drizzle-orm";
import { ilike } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** `%`, `_` and `\` match literally inside a LIKE pattern. */
export const escapeLike = (value: string) => value.replace(/[%_\\]/g, "\\$&");

/** The column starts with `prefix` (case-insensitive), e.g. a request id as the tables show it. */
export const startsWith = (column: PgColumn, prefix: string): SQL => ilike(column, `${escapeLike(prefix)}%`);
