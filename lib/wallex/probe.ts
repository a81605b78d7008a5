import type { WallexClient } from "./client";
import { ENDPOINTS, type Endpoint } from "./client/endpoints";
import {
  WallexAuthenticationError,
  WallexError,
  WallexInvalidResponseError,
  WallexNotFoundError,
  WallexPermissionError,
} from "./client/errors";

export type ProbeOutcome = "ok" | "shape" | "missing" | "refused" | "error" | "skipped";
export type ProbeRow = { operation: string; path: string; outcome: ProbeOutcome; detail?: string };

/** Values for path and query parameters that are not ids of something listed first. */
const samples: Record<string, string> = {
  currency: "USD",
  sellCurrency: "USD",
  buyCurrency: "SGD",
  country: "US",
  countryCode: "US",
  bankCountry: "US",
  beneficiaryCountry: "US",
  entityType: "company",
  swiftCode: "DBSSSGSG",
  code: "DBSSSGSG",
};

/**
 * Calls every read-only (GET) operation of the endpoint table and says, per operation, whether the
 * path answered, with which status, and whether the body fit our schema. Ids for item reads come
 * from the first row of the area's own listing; what cannot be filled is skipped, not guessed.
 */
export async function probeWallex(client: WallexClient): Promise<ProbeRow[]> {
  const rows: ProbeRow[] = [];
  const values: Record<string, string> = { ...samples };
  for (const [area, operations] of Object.entries(ENDPOINTS) as [string, Record<string, Endpoint>][]) {
    const sampleIds: string[] = [];
    const reads = Object.entries(operations).filter(([, e]) => e.method === "GET");
    // Listings first, so their rows can feed the item reads.
    reads.sort(([, a], [, b]) => Number(a.path.includes("{")) - Number(b.path.includes("{")));
    for (const [name, endpoint] of reads) {
      const operation = `${area}.${name}`;
      const params = fillParams(endpoint.path, values, sampleIds);
      if (!params) {
        rows.push({ operation, path: endpoint.path, outcome: "skipped", detail: "no sample id to read" });
        continue;
      }
      const query = endpoint.query ? queryFor(endpoint, values) : undefined;
      try {
        const result = await client.request(endpoint, { ...params, ...(query ? { query } : {}) } as never, {
          operation,
        });
        const first = firstRow(result);
        if (/^list(Accounts)?$/.test(name) && typeof first?.id === "string") sampleIds.push(first.id);
        if (name === "states" && typeof first?.code === "string") values.state = first.code; // cities need a real state
        rows.push({ operation, path: endpoint.path, outcome: "ok" });
      } catch (error) {
        rows.push({ operation, path: endpoint.path, ...classify(error) });
      }
    }
  }
  return rows;
}

function fillParams(path: string, values: Record<string, string>, ids: string[]): Record<string, string> | null {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const params: Record<string, string> = {};
  for (const name of names) {
    const value = values[name] ?? ids[0];
    if (!value) return null;
    params[name] = value;
  }
  return params;
}

/** Nothing when the query needs nothing; else the samples whose names the query schema knows. */
function queryFor(endpoint: Endpoint, values: Record<string, string>) {
  const schema = endpoint.query!;
  if (schema.safeParse({}).success) return undefined;
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return Object.fromEntries(Object.entries(values).filter(([key]) => key in shape));
}

function firstRow(result: unknown): Record<string, unknown> | undefined {
  const data = (result as { data?: unknown })?.data;
  const first = Array.isArray(data) ? data[0] : Array.isArray(result) ? result[0] : undefined;
  return first && typeof first === "object" ? (first as Record<string, unknown>) : undefined;
}

function classify(error: unknown): Pick<ProbeRow, "outcome" | "detail"> {
  if (error instanceof WallexInvalidResponseError) return { outcome: "shape", detail: error.message.slice(0, 200) };
  if (error instanceof WallexNotFoundError)
    return { outcome: "missing", detail: "404: wrong path, or the sample id is unknown" };
  if (error instanceof WallexPermissionError || error instanceof WallexAuthenticationError) {
    return { outcome: "refused", detail: `${error.status ?? ""} ${error.message}`.trim().slice(0, 200) };
  }
  if (error instanceof WallexError)
    return { outcome: "error", detail: `${error.status ?? ""} ${error.message}`.trim().slice(0, 200) };
  return { outcome: "error", detail: String(error).slice(0, 200) };
}
