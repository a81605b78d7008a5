import type { Change, Doc, Kind } from "./types";

/** Committed records, by kind then id. Documents are treated as immutable values. */
export class State {
  private maps = new Map<Kind, Map<string, Doc>>();
  seq = 0;

  map(kind: Kind): Map<string, Doc> {
    let m = this.maps.get(kind);
    if (!m) this.maps.set(kind, (m = new Map()));
    return m;
  }

  get(kind: Kind, id: string): Doc | undefined {
    return this.maps.get(kind)?.get(id);
  }

  all(kind: Kind): Iterable<Doc> {
    return this.map(kind).values();
  }

  apply(changes: Change[]) {
    for (const c of changes) {
      if (c.doc) this.map(c.kind).set(c.id, c.doc);
      else this.map(c.kind).delete(c.id);
      if (c.doc && c.doc._seq > this.seq) this.seq = c.doc._seq;
    }
  }

  clear(partnerId?: string) {
    for (const m of this.maps.values()) {
      if (!partnerId) m.clear();
      else for (const [id, doc] of m) if (doc._partnerId === partnerId) m.delete(id);
    }
  }
}

/** Buffered writes over a State; nothing is visible to others until the engine commits it. */
export class Tx {
  private writes = new Map<string, Change>();
  private seq: number;

  constructor(
    private state: State,
    readonly now: number,
  ) {
    this.seq = state.seq;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  get(kind: Kind, id: string): Doc | undefined {
    const w = this.writes.get(`${kind}:${id}`);
    return w ? (w.doc ?? undefined) : this.state.get(kind, id);
  }

  /** All records of a kind, including this transaction's writes. */
  all(kind: Kind): Doc[] {
    const out = new Map<string, Doc>();
    for (const d of this.state.all(kind)) out.set(d.id, d);
    for (const w of this.writes.values()) {
      if (w.kind !== kind) continue;
      if (w.doc) out.set(w.id, w.doc);
      else out.delete(w.id);
    }
    return [...out.values()];
  }

  insert<T extends Omit<Doc, "_seq">>(kind: Kind, doc: T): Doc {
    const full = { ...doc, _seq: this.nextSeq() } as unknown as Doc;
    this.writes.set(`${kind}:${doc.id}`, { kind, id: doc.id, partnerId: doc._partnerId, doc: full });
    return full;
  }

  update(kind: Kind, id: string, patch: Record<string, unknown>): Doc {
    const current = this.get(kind, id);
    if (!current) throw new Error(`update of missing ${kind} ${id}`);
    const doc = { ...current, ...patch } as Doc;
    this.writes.set(`${kind}:${id}`, { kind, id, partnerId: doc._partnerId, doc });
    return doc;
  }

  remove(kind: Kind, id: string) {
    const current = this.get(kind, id);
    if (current) this.writes.set(`${kind}:${id}`, { kind, id, partnerId: current._partnerId, doc: null });
  }

  changes(): Change[] {
    return [...this.writes.values()];
  }
}
