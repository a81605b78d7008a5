import type { Context } from "hono";
import { invalid, notFound, SandboxError } from "./errors";
import type { Engine } from "./engine";
import { resolveActor, type Actor } from "./on-behalf-of";
import type { Doc, Kind } from "./store/types";
import { Tx } from "./store/state";
import type { Partner } from "./types";
import type { LooseObject } from "./loose-json";

export type Env = { Variables: { partner: Partner; base: string; storageSecret: string; body?: LooseObject } };
export type Ctx = Context<Env>;

/** The JSON body as an object; an empty body is {}. Malformed JSON or a non-object is a 400. */
export async function readBody(c: Ctx): Promise<LooseObject> {
  const cached = c.get("body");
  if (cached) return cached;
  const text = await c.req.text();
  let parsed: unknown = {};
  if (text.trim()) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new SandboxError(400, "body: malformed JSON", "VALIDATION_ERROR", { body: ["malformed JSON"] });
    }
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw invalid("body", "must be a JSON object");
  c.set("body", parsed as LooseObject);
  return parsed as LooseObject;
}

export const queryOf = (c: Ctx): Record<string, string> => c.req.query();

/** Body + query + the account the call acts for (onBehalfOf… in either place). */
export async function input(engine: Engine, c: Ctx) {
  const body = c.req.method === "GET" || c.req.method === "DELETE" ? {} : await readBody(c);
  const query = queryOf(c);
  const actor = resolveActor(engine, c.get("partner"), { ...query, ...pick(body) });
  return { body, query, actor };
}

function pick(body: LooseObject) {
  const out: Record<string, unknown> = {};
  for (const k of ["onBehalfOfAccount", "onBehalfOfUser", "onBehalfOf"]) if (body[k] !== undefined) out[k] = body[k];
  return out;
}

/** A record of the acting account, or 404 (another account's ids stay invisible, README D6). */
export function owned(src: Engine | Tx, kind: Kind, id: string, actor: Actor, label: string): Doc {
  const doc = src instanceof Tx ? src.get(kind, id) : src.state.get(kind, id);
  if (!doc || doc._partnerId !== actor.partner.id || doc.accountId !== actor.accountId) throw notFound(label);
  return doc;
}

/** Records of the acting account, newest first. */
export function listOwned(engine: Engine, kind: Kind, actor: Actor, filter?: (d: Doc) => boolean): Doc[] {
  const out: Doc[] = [];
  for (const d of engine.state.all(kind)) {
    if (d._partnerId === actor.partner.id && d.accountId === actor.accountId && (!filter || filter(d))) out.push(d);
  }
  return out.sort((a, b) => b._seq - a._seq);
}

/** Filters on equal query values and on createdAt ranges (startDate / endDate). */
export function matches(query: Record<string, string>, keys: string[]) {
  return (d: Doc) => {
    for (const k of keys) if (query[k] !== undefined && String(d[k]) !== query[k]) return false;
    if (query.startDate && d.createdAt < query.startDate) return false;
    if (query.endDate && d.createdAt.slice(0, query.endDate.length) > query.endDate) return false;
    return true;
  };
}
