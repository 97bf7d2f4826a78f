import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/server-process.js";

/**
 * `pnpm bench` in its smoke mode: every benchmark runs end to end on small sizes and prints its
 * row, and the public-PUT run loses nothing it acknowledged. Speed is measured by `pnpm bench`
 * and recorded in BENCHMARKS.md, never asserted here.
 */
describe("benchmarks, smoke mode", () => {
  it("run every row and lose no acknowledged response", () => {
    const run = spawnSync(join(repoRoot, "node_modules", ".bin", "tsx"), [join(repoRoot, "tests", "bench", "run.ts")], {
      cwd: repoRoot,
      env: { ...process.env, BENCH_SMOKE: "1", BENCH_FULL: "" },
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    const out = run.stdout;
    for (const row of [
      "| bare Hono JSON echo (baseline) |",
      "| GET /api/public/surveys/:slug |",
      "| public PUT ÷ echo throughput |",
      "| results split by segment, 2k responses (20 questions) |",
      "| CSV export, 2k responses",
      "| respondent page |",
    ]) {
      expect(out).toContain(row);
    }
    expect(out).toMatch(/\| responses stored \/ PUTs acknowledged \| \d+ \/ \d+ \| none lost \|/);
    expect(out).toMatch(/public PUT \(complete\), 100 connections, SQLite \| \d+ req\/s \| p99 \d+ ms, errors 0 \|/);
  });
});
