import type { LooseJson } from "../loose-json";
/** A stored record. Keys starting with "_" are internal and never sent on the wire. */
export type Doc = { id: string; _partnerId: string; _seq: number; [key: string]: LooseJson };

export type Kind =
  | "token"
  | "account"
  | "user"
  | "document"
  | "object"
  | "file"
  | "balance"
  | "entry"
  | "beneficiary"
  | "quote"
  | "payment"
  | "conversion"
  | "funding"
  | "deduction"
  | "transfer"
  | "collectionAccount"
  | "collection"
  | "collectionRequest"
  | "subscription"
  | "delivery"
  | "job"
  | "partner";

export type Change = { kind: Kind; id: string; partnerId: string; doc: Doc | null };

/** Where records live between restarts. The in-memory state is always the read model. */
export interface Persistence {
  load(): Promise<Array<{ kind: Kind; doc: Doc }>>;
  commit(changes: Change[]): Promise<void>;
  /** Deletes every record of one partner, or everything. */
  clear(partnerId?: string): Promise<void>;
  close(): Promise<void>;
}

export const memoryPersistence = (): Persistence => ({
  load: async () => [],
  commit: async () => {},
  clear: async () => {},
  close: async () => {},
});
