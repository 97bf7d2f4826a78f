/**
 * `pnpm bench`: in-process throughput of the main API paths through the whole
 * middleware stack (auth, CSRF, body limit, validation, SQLite), reported as a ratio
 * to a bare Hono JSON echo measured in the same run — absolute numbers on a shared
 * 2-core machine are noise, ratios are not. Also reports the built bundle sizes.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Hono } from "hono";
import { createTestApp, screenerInput } from "@sieve/server/testing";
import { repoRoot } from "../support/server-process.js";
import { publicPutBench } from "./public-put.js";
import { resultsScaleBench } from "./results-scale.js";

// BENCH_SMOKE=1 (CI, through tests/bench/bench-smoke.test.ts): every row, briefly — proves the benchmarks run, not how fast.
const SMOKE = process.env.BENCH_SMOKE === "1";
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 0.3 : process.env.CI ? 1 : 3));

async function measure(name: string, fn: () => Response | Promise<Response>) {
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    const res = await fn();
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${name}: HTTP ${res.status}`);
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { name, ops: latencies.length / SECONDS, p50: p(0.5), p99: p(0.99) };
}

const echo = new Hono().post("/echo", async (c) => c.json(await c.req.json()));
const t = await createTestApp();
const { agent } = await t.setupOwner();
const { secret } = (await agent.json("POST", "/api/tokens", { body: { name: "bench" } })).body as { secret: string };
for (let i = 0; i < 20; i++) await agent.json("POST", "/api/surveys", { body: { definition: screenerInput(`Survey ${i}`) } });
const survey = (await agent.json("POST", "/api/surveys", { body: { definition: screenerInput("Bench") } })).body.survey as { id: string; slug: string };
await agent.json("POST", `/api/surveys/${survey.id}/publish`);
const definition = screenerInput("Bench edit");
let revision = (await agent.json("GET", `/api/surveys/${survey.id}`)).body.survey.revision as number;
const auth = { authorization: `Bearer ${secret}`, "content-type": "application/json" };

const rows = [
  await measure("bare Hono JSON echo (baseline)", () =>
    echo.request("/echo", { method: "POST", body: JSON.stringify({ definition }), headers: { "content-type": "application/json" } }),
  ),
  await measure("GET /api/surveys (21 surveys, token)", () => t.app.request("/api/surveys", { headers: auth })),
  await measure("PUT /api/surveys/:id/definition", async () => {
    const res = await t.app.request(`/api/surveys/${survey.id}/definition`, {
      method: "PUT",
      headers: auth,
      body: JSON.stringify({ revision, definition }),
    });
    revision++;
    return res;
  }),
  await measure("GET /api/public/surveys/:slug", () => t.app.request(`/api/public/surveys/${survey.slug}`)),
];
await t.cleanup();

const base = rows[0]!.ops;
console.log(`\nSieve benchmarks — ${new Date().toISOString()} — ${SECONDS}s per row, node ${process.version}\n`);
console.log("| benchmark | ops/s | ratio to echo | p50 ms | p99 ms |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(`| ${r.name} | ${r.ops.toFixed(0)} | ${(r.ops / base).toFixed(3)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`);
}

const put = await publicPutBench(Number(process.env.BENCH_PUT_SECONDS ?? (SMOKE ? 1 : process.env.CI ? 3 : 10)), 100);
console.log("\n| public PUT over HTTP (autocannon) | value | note |\n| --- | ---: | --- |");
for (const r of put) console.log(`| ${r.name} | ${r.value} | ${r.note ?? ""} |`);

const full = process.env.BENCH_FULL === "1";
const scale = await resultsScaleBench(full ? [100_000, 1_000_000] : SMOKE ? [2_000] : [10_000]);
console.log("\n| results at scale (server time, in-process) | value | note |\n| --- | ---: | --- |");
for (const r of scale) console.log(`| ${r.name} | ${r.value} | ${r.note ?? ""} |`);

const assets = join(repoRoot, "web", "dist", "assets");
if (existsSync(assets)) {
  const html = (name: string) => readFileSync(join(repoRoot, "web", "dist", name), "utf8");
  const entrySize = (htmlFile: string) => {
    const refs = [...html(htmlFile).matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]!);
    let raw = 0;
    let gz = 0;
    for (const file of refs) {
      const body = readFileSync(join(assets, file));
      raw += body.length;
      gz += gzipSync(body).length;
    }
    return { raw, gz, files: refs.length };
  };
  console.log("\n| bundle | files | raw KiB | gzip KiB |\n| --- | ---: | ---: | ---: |");
  for (const [name, file] of [["researcher app", "index.html"], ["respondent page", "respond.html"]] as const) {
    const s = entrySize(file);
    console.log(`| ${name} | ${s.files} | ${(s.raw / 1024).toFixed(1)} | ${(s.gz / 1024).toFixed(1)} |`);
  }
} else {
  console.log("\n(web/dist missing: run `pnpm build` for bundle sizes)");
}
