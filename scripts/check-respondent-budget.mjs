#!/usr/bin/env node
// The respondent page's weight budget (run after `pnpm build`). Respondents open the
// survey on phones, often on bad networks, so the page must stay tiny and must never
// carry the researcher app, the router or chart.js.
//
// Counted: every JS/CSS asset web/dist/respond.html loads (entry script, modulepreload'ed
// chunks, stylesheets, and the static imports of those chunks), plus the largest chunk
// it loads lazily — a respondent fetches at most one (the survey's language strings).
// Sizes are gzip at zlib's default level, in kB (1000 bytes), like Vite reports them.
// Exits 1 over budget or when a forbidden marker is found; prints a one-line table.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 25_000;
const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "web", "dist");
const html = join(dist, "respond.html");

if (!existsSync(html)) {
  console.error("web/dist/respond.html is missing: run `pnpm build` first.");
  process.exit(1);
}

// Strings that only exist in code the respondent page must not load.
const forbidden = [
  ["@solidjs/router", "@solidjs/router"],
  ["@solidjs/router", "router primitives can be only used inside a Route"],
  ["@solidjs/router", "Only POST forms are supported for Actions"],
  ["chart.js", "Chart.js"],
  ["chart.js", "Canvas is already in use"],
  ["chart.js", "can't acquire context from the given item"],
  // Every researcher API path named in web/src/app (the respondent page only calls /api/public/*).
  ...appApiPaths().map((path) => ["web/src/app", path]),
];

const read = (file) => readFileSync(join(dist, file));
const gz = (file) => gzipSync(read(file)).length;

const loaded = new Set();
const lazy = new Set();
const visit = (file, into) => {
  if (loaded.has(file) || into.has(file)) return;
  into.add(file);
  if (!file.endsWith(".js")) return;
  const code = read(file).toString("utf8");
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)) visit(`assets/${m[1]}`, into);
  for (const m of code.matchAll(/\bimport\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g)) {
    if (!loaded.has(`assets/${m[1]}`)) lazy.add(`assets/${m[1]}`);
  }
};
const page = readFileSync(html, "utf8");
for (const m of page.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) visit(m[1], loaded);
for (const file of loaded) lazy.delete(file);

// A lazy chunk may import further chunks; count them with it.
const lazyGroups = [...lazy].map((file) => {
  const group = new Set();
  visit(file, group);
  return { file, size: [...group].filter((f) => !loaded.has(f)).reduce((sum, f) => sum + gz(f), 0), files: group };
});
const largestLazy = lazyGroups.sort((a, b) => b.size - a.size)[0];

const problems = [];
for (const file of [...loaded, ...lazyGroups.flatMap((g) => [...g.files])]) {
  const text = read(file).toString("utf8");
  for (const [what, marker] of forbidden) {
    if (text.includes(marker)) problems.push(`${file} contains ${JSON.stringify(marker)} (${what})`);
  }
}

const kb = (bytes) => (bytes / 1000).toFixed(2);
const name = (file) => file.replace(/^assets\//, "");
const staticBytes = [...loaded].reduce((sum, f) => sum + gz(f), 0);
const total = staticBytes + (largestLazy?.size ?? 0);
if (total > BUDGET_BYTES) problems.push(`${kb(total)} kB gzip is over the ${kb(BUDGET_BYTES)} kB budget`);
if (loaded.size === 0) problems.push("respond.html loads no assets: is this the built file?");

const cells = [
  "respondent page (gzip kB)",
  ...[...loaded].map((f) => `${name(f)} ${kb(gz(f))}`),
  `static ${kb(staticBytes)}`,
  largestLazy ? `+ lazy, largest of ${lazyGroups.length}: ${name(largestLazy.file)} ${kb(largestLazy.size)}` : "+ lazy: none",
  `= ${kb(total)} / budget ${kb(BUDGET_BYTES)}`,
  problems.length ? "FAIL" : "ok",
];
console.log(`| ${cells.join(" | ")} |`);
if (problems.length) {
  console.error(problems.map((p) => `  ${p}`).join("\n"));
  process.exit(1);
}

function appApiPaths() {
  const dir = join(root, "web", "src", "app");
  if (!existsSync(dir)) return [];
  const files = (d) =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : /\.tsx?$/.test(n) ? [join(d, n)] : []));
  const paths = new Set();
  for (const file of files(dir)) {
    for (const m of readFileSync(file, "utf8").matchAll(/["'`](\/api\/(?!public\/)[a-z][\w/-]*)/g)) paths.add(m[1]);
  }
  return [...paths];
}
