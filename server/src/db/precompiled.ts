/**
 * Queries built and compiled once, then run many times with new values.
 *
 * Kysely builds an immutable tree and compiles it to SQL on every call, which on the public
 * save path cost more CPU than SQLite running the statements. A precompiled query is built
 * once per dialect (and per row count) with placeholder values, compiled, and from then on
 * each call only binds its values: the same SQL text, so SQLite also reuses its prepared
 * statement (create-db.ts) and Postgres sees one query shape.
 *
 * The builder receives `p` (and `rows`) whose fields stand for the values of a call. Read
 * fields off them and hand those to Kysely as values; never compute with them (they are
 * markers, not the values) and never pass `p` or a row itself: name each column, as
 * `values(rows.map((r) => ({ a: r.a, b: r.b })))` does. A field that was never read is simply
 * not bound. Constants the builder writes itself (a literal 0, `sql` fragments) stay constant.
 */
import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from "kysely";
import type { Database } from "./database.js";

// NUL cannot occur in anything Sieve stores (storable-text.ts), so no real value looks like a marker.
const MARK = "\u0000sieve:";

type Slot = { from: "p"; key: string } | { from: "row"; index: number; key: string } | { from: "const"; value: unknown };
type Template = { sql: string; query: CompiledQuery["query"]; slots: Slot[] };

function markers(prefix: string): Record<string, string> {
  return new Proxy({} as Record<string, string>, {
    get: (_target, key) => (typeof key === "string" ? `${MARK}${prefix}\u0000${key}` : undefined),
  });
}

function slotOf(value: unknown): Slot {
  if (typeof value !== "string" || !value.startsWith(MARK)) return { from: "const", value };
  const [prefix, key] = value.slice(MARK.length).split("\u0000") as [string, string];
  return prefix === "p" ? { from: "p", key } : { from: "row", index: Number(prefix), key };
}

export type Precompiled<P, Row> = (db: Kysely<Database>, p: P, rows?: readonly Row[]) => Promise<QueryResult<any>>;

/**
 * A query built once per dialect and row count. `rows` is for multi-row inserts: the builder
 * gets as many row markers as the call has rows.
 */
export function precompiled<P extends object, Row extends object = never, R = unknown>(
  build: (db: Kysely<Database>, p: P, rows: Row[]) => Compilable<R>,
): Precompiled<P, Row> {
  const templates = new WeakMap<DialectAdapter, Map<number, Template>>();
  const template = (db: Kysely<Database>, count: number): Template => {
    const adapter = db.getExecutor().adapter;
    let byCount = templates.get(adapter);
    if (!byCount) templates.set(adapter, (byCount = new Map()));
    let t = byCount.get(count);
    if (!t) {
      const rows = Array.from({ length: count }, (_, i) => markers(String(i)) as unknown as Row);
      const compiled = build(db, markers("p") as unknown as P, rows).compile();
      t = { sql: compiled.sql, query: compiled.query, slots: compiled.parameters.map(slotOf) };
      byCount.set(count, t);
    }
    return t;
  };
  return (db, p, rows = []) => {
    const t = template(db, rows.length);
    const parameters = t.slots.map((s) =>
      s.from === "const" ? s.value : s.from === "p" ? (p as Record<string, unknown>)[s.key] : (rows[s.index] as Record<string, unknown>)[s.key],
    );
    return db.executeQuery({ sql: t.sql, query: t.query, parameters, queryId: { queryId: "precompiled" } } as CompiledQuery<R>);
  };
}
