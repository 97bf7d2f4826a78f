/**
 * Read-then-write work (quotas, idempotent submits, slot booking, publish) must not
 * interleave with another writer. Kysely's SQLite driver only issues `BEGIN`, which
 * takes the write lock lazily: two such transactions can both read, then one fails
 * with SQLITE_BUSY on upgrade. `writeTransaction` takes the lock up front with
 * `BEGIN IMMEDIATE`. On Postgres it is an ordinary transaction; callers lock the rows
 * they read with `lockForUpdate`. On SQLite, writers that arrive together share one
 * transaction and one commit (GroupCommitter below).
 */
import { CompiledQuery, SqliteAdapter, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Database } from "./database.js";

export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Run `fn` in a transaction that holds the write lock (SQLite) from its first statement. */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (!isSqlite(db)) {
    return db.transaction().execute(async (trx) => {
      const tally = new Tally();
      tallies.set(trx, tally);
      const result = await fn(trx);
      await tally.write(trx);
      return result;
    });
  }
  let committer = committers.get(db);
  if (!committer) committers.set(db, (committer = new GroupCommitter(db)));
  return committer.run(fn);
}

/**
 * A kind of counter that many writers add to (funnel counts, results rollups): `S` holds a
 * transaction's additions, `write` stores them.
 */
export type Counter<S> = { init(): S; write(trx: Kysely<Database>, state: S): Promise<void> };

/**
 * Add to a counter inside a writeTransaction: the additions are summed in memory and written
 * once, just before the transaction commits, so a group of a hundred saves writes a shared
 * funnel row or rollup cell once instead of a hundred times. A unit of work that rolls back
 * takes its additions with it. Outside writeTransaction the addition is written at once.
 */
export async function addToCounter<S>(trx: Kysely<Database>, counter: Counter<S>, add: (state: S) => void): Promise<void> {
  const tally = tallies.get(trx);
  if (tally) return tally.add(counter, add);
  const state = counter.init();
  add(state);
  await counter.write(trx, state);
}

/** The counter additions of one transaction (or one unit of a group), in the order they were made. */
class Tally {
  private readonly additions: [Counter<any>, (state: any) => void][] = [];
  add<S>(counter: Counter<S>, add: (state: S) => void) {
    this.additions.push([counter, add]);
  }
  /** A released unit's additions join its group's. */
  moveTo(group: Tally) {
    group.additions.push(...this.additions.splice(0));
  }
  async write(trx: Kysely<Database>) {
    const states = new Map<Counter<any>, unknown>();
    for (const [counter, add] of this.additions) {
      if (!states.has(counter)) states.set(counter, counter.init());
      add(states.get(counter));
    }
    this.additions.length = 0;
    for (const [counter, state] of states) await counter.write(trx, state);
  }
}

/** The tally a transaction's (or the current unit's) counter additions go to, by the Kysely instance it runs on. */
const tallies = new WeakMap<Kysely<any>, Tally>();

type Job = { fn: (trx: Kysely<Database>) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** At most this many units of work share one SQLite transaction, which bounds how long a reply waits for its commit. */
export const MAX_GROUP = 128;

const committers = new WeakMap<Kysely<any>, GroupCommitter>();
const statements = Object.fromEntries(
  ["begin immediate", "savepoint unit", "release unit", "rollback to unit", "commit", "rollback"].map((text) => [text, CompiledQuery.raw(text)]),
);
const run = (conn: Kysely<any>, text: string) => conn.executeQuery(statements[text]!);

/**
 * Group commit on SQLite's single connection. Writers queue up; once per event-loop turn the
 * queue runs as one `BEGIN IMMEDIATE` transaction in which every unit of work has a savepoint
 * of its own, so each still commits or rolls back as a whole and sees the writes queued before
 * it. A unit's promise settles only after the shared COMMIT: nothing is acknowledged before it
 * is durable, and if the COMMIT fails every unit in it fails. One commit then pays for many
 * responses, and the rows they share (funnel counters, rollups, index pages) are written once.
 */
class GroupCommitter {
  private queue: Job[] = [];
  private scheduled = false;

  constructor(private readonly db: Kysely<Database>) {}

  run<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn: every request that reached its write by now joins the group.
    setImmediate(() => {
      this.scheduled = false;
      void this.db.connection().execute((conn) => this.flush(conn)).finally(() => {
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(conn: Kysely<Database>): Promise<void> {
    if (this.queue.length === 0) return;
    const done: { job: Job; value: unknown }[] = [];
    const settleAll = (error: unknown) => {
      for (const { job } of done) job.reject(error);
      done.length = 0;
    };
    try {
      await run(conn, "begin immediate");
    } catch (error) {
      for (const job of this.queue.splice(0, MAX_GROUP)) job.reject(error);
      return;
    }
    const group = new Tally();
    while (this.queue.length > 0 && done.length < MAX_GROUP) {
      const job = this.queue.shift()!;
      await run(conn, "savepoint unit");
      const unit = new Tally();
      tallies.set(conn, unit);
      try {
        const value = await job.fn(conn);
        await run(conn, "release unit");
        unit.moveTo(group);
        done.push({ job, value });
      } catch (error) {
        try {
          await run(conn, "rollback to unit");
          await run(conn, "release unit");
        } catch (rollbackError) {
          // SQLite rolled the whole transaction back (a full disk, say): nothing in this group is kept.
          tallies.delete(conn);
          job.reject(error);
          settleAll(rollbackError);
          await run(conn, "rollback").catch(() => undefined);
          return;
        }
        job.reject(error);
      }
    }
    tallies.delete(conn);
    try {
      await group.write(conn);
      await run(conn, "commit");
    } catch (error) {
      settleAll(error);
      await run(conn, "rollback").catch(() => undefined);
      return;
    }
    for (const { job, value } of done) job.resolve(value);
  }
}

/** `SELECT … FOR UPDATE` on Postgres; a no-op on SQLite, where writeTransaction already holds the lock. */
export function lockForUpdate<DB, TB extends keyof DB, O>(
  db: Kysely<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return isSqlite(db) ? query : query.forUpdate();
}
