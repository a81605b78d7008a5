import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One row of the endpoint table: everything the request core needs to call an operation. */
export type Endpoint<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> = {
  method: M;
  /** Path template relative to the bare host (D2), `{name}` for path parameters. */
  path: P;
  body?: B;
  query?: Q;
  response: R;
  /** Safe to retry after a network error or 5xx although not a GET (authenticate only). */
  idempotent?: boolean;
  /** No Authorization header (authenticate). */
  noAuth?: boolean;
};

export function endpoint<
  M extends HttpMethod,
  P extends string,
  R extends z.ZodType,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(def: {
  method: M;
  path: P;
  response: R;
  body?: B;
  query?: Q;
  idempotent?: boolean;
  noAuth?: boolean;
}): Endpoint<M, P, B, Q, R> {
  return def as Endpoint<M, P, B, Q, R>;
}

/** `{a}/x/{b}` → `{ a: string; b: string }`. */
export type PathParams<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? { [key in K]: string } & PathParams<Rest>
  : unknown;

type BodyArg<E> =
  E extends Endpoint<HttpMethod, string, infer B> ? (B extends z.ZodType ? { body: z.input<B> } : unknown) : unknown;
type QueryOf<Q extends z.ZodType> =
  Record<never, never> extends z.input<Q> ? { query?: z.input<Q> } : { query: z.input<Q> };
type QueryArg<E> =
  E extends Endpoint<HttpMethod, string, z.ZodType | undefined, infer Q>
    ? Q extends z.ZodType
      ? QueryOf<Q>
      : unknown
    : unknown;

/** The arguments of a typed method: path parameters, then `body` and/or `query`. */
export type Args<E extends Endpoint> = PathParams<E["path"]> & BodyArg<E> & QueryArg<E>;
export type Result<E extends Endpoint> = z.output<E["response"]>;

export function fillPath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== "string" || value === "")
      throw new TypeError(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}
