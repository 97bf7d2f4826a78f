import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqlite } from "./create-db.js";
import { startCheckpointer, type Checkpointer } from "./checkpointer.js";

describe("WAL checkpointer", () => {
  let dir: string;
  let checkpointer: Checkpointer | null = null;
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = null;
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (file: string) => {
    // The request connection never checkpoints by itself here (threshold 0 = off).
    const db = openSqlite(file, "NORMAL", 0);
    db.exec("create table t (id integer primary key, body text)");
    const insert = db.prepare("insert into t (body) values (?)");
    for (let i = 0; i < 100; i++) db.transaction(() => { for (let j = 0; j < 30; j++) insert.run("x".repeat(1000)); })();
    return db;
  };
  const waitFor = async (predicate: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!predicate() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return predicate();
  };

  it("copies committed pages into the database file from its own thread", async () => {
    dir = mkdtempSync(join(tmpdir(), "sieve-ckpt-"));
    const file = join(dir, "a.db");
    const db = write(file);
    // Without a checkpoint the 3 MB sit in the WAL and the database file stays small.
    expect(statSync(file).size).toBeLessThan(100_000);
    checkpointer = startCheckpointer(file, { intervalMs: 50 });
    expect(await waitFor(() => statSync(file).size > 3_000_000, 10_000)).toBe(true);
    expect(db.prepare("select count(*) as n from t").get()).toEqual({ n: 3000 });
    expect(db.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
    db.close();
  });

  it("reports failures instead of crashing, and stops cleanly", async () => {
    dir = mkdtempSync(join(tmpdir(), "sieve-ckpt-"));
    const errors: string[] = [];
    checkpointer = startCheckpointer(join(dir, "missing", "nope.db"), { intervalMs: 50, onError: (m) => errors.push(m) });
    expect(await waitFor(() => errors.length > 0, 5_000)).toBe(true);
    await checkpointer.stop();
    checkpointer = null;
  });
});
