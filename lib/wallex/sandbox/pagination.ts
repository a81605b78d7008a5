import { CHOICES } from "./config";
import { invalid } from "./errors";
import { wire } from "./wire";

export type Page = { page: number; limit: number };

function intParam(raw: string | undefined, field: string, fallback: number, max?: number): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalid(field, "must be a positive integer");
  return max ? Math.min(Number(raw), max) : Number(raw);
}

/** page/limit, also accepted as pagination[page] / pagination[limit] (00-conventions.md §7). */
export function pageOf(query: Record<string, string>): Page {
  const { defaultLimit, maxLimit } = CHOICES.pagination;
  return {
    page: intParam(query.page ?? query["pagination[page]"], "page", 1),
    limit: intParam(query.limit ?? query["pagination[limit]"], "limit", defaultLimit, maxLimit),
  };
}

/** {data, pagination} for any array payload (README D4). */
export function paginate(items: unknown[], { page, limit }: Page) {
  const total = items.length;
  return {
    data: wire(items.slice((page - 1) * limit, page * limit)),
    pagination: { page, limit, total, totalPages: Math.max(1, Math.ceil(total / limit)) },
  };
}

/** A whole reference list as one page. */
export function onePage(items: unknown[]) {
  return { data: wire(items), pagination: { page: 1, limit: items.length, total: items.length, totalPages: 1 } };
}
