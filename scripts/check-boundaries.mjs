#!/usr/bin/env node
// Enforces the dependency rules of STYLE.md ("What may import what") by reading import
// statements. Exits 1 listing every violation.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === "node_modules" || name === "dist") return [];
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx|mts)$/.test(name) ? [full] : [];
  });

const importRe = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
const importsOf = (file) => {
  const text = readFileSync(file, "utf8");
  const out = [];
  for (const m of text.matchAll(importRe)) out.push({ typeOnly: Boolean(m[2]), spec: m[3] ?? m[4] ?? m[5] });
  return out;
};

const rules = [
  {
    dir: "packages/core/src",
    check: ({ spec }) =>
      /^(node:|hono|@hono|kysely|solid-js|@solidjs|better-sqlite3|pg$|@sieve\/)/.test(spec) ? "core is pure: no I/O or framework imports" : null,
  },
  {
    dir: "web/src",
    check: ({ spec, typeOnly }) =>
      spec.startsWith("@sieve/server") && !typeOnly ? "web may only `import type` from the server" : spec.startsWith("@sieve/tests") ? "nothing imports tests" : null,
  },
  {
    dir: "web/src/respond",
    check: ({ spec, typeOnly }) => {
      if (/^(chart\.js|@solidjs\/router)/.test(spec) || spec.includes("/app/")) return "the respondent page must not carry app code, the router or chart.js";
      if (spec.startsWith("@sieve/core") && spec !== "@sieve/core/logic" && !typeOnly) return "the respondent page imports core at run time only through @sieve/core/logic (no zod)";
      return null;
    },
  },
  {
    dir: "server/src",
    check: ({ spec }, file) => {
      if (spec.startsWith("@sieve/tests")) return "nothing imports tests";
      if (file.endsWith("-repository.ts") && /^(hono|@hono)/.test(spec)) return "repositories never import hono";
      if (file.includes("/db/migrations/") && !(spec === "kysely" || spec.startsWith("./"))) return "migrations import only kysely";
      return null;
    },
  },
  { dir: "packages", check: ({ spec }) => (spec.startsWith("@sieve/tests") ? "nothing imports tests" : null) },
];

const violations = [];

// Nothing reachable from core's zod-free entry may import zod at run time.
const seen = new Set();
const walk = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  for (const imp of importsOf(file)) {
    if (imp.typeOnly) continue;
    if (imp.spec === "zod") violations.push(`${relative(root, file)}: imports zod, but is reachable from @sieve/core/logic`);
    if (imp.spec.startsWith(".")) walk(join(file, "..", imp.spec.replace(/\.js$/, "") + ".ts"));
  }
};
for (const rule of rules) {
  for (const file of files(join(root, rule.dir))) {
    for (const imp of importsOf(file)) {
      const why = rule.check(imp, file);
      if (why) violations.push(`${relative(root, file)}: "${imp.spec}" — ${why}`);
    }
  }
}
walk(join(root, "packages/core/src/logic.ts"));
if (violations.length) {
  console.error(`Dependency rule violations (${violations.length}):\n  ` + violations.join("\n  "));
  process.exit(1);
}
console.log("Dependency rules hold.");
