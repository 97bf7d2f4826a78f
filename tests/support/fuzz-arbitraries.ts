/**
 * fast-check arbitraries for hostile requests: path parameters, query strings, headers and
 * bodies that are malformed, mistyped, oversized, deeply nested or prototype-polluting,
 * built from a route's valid example so a good share of cases gets past the first check.
 */
import fc from "fast-check";

export type ParamChoice = { kind: "real" } | { kind: "raw"; value: string; encode: boolean };

const SPECIAL_STRINGS = [
  "",
  " ",
  ".",
  "..",
  "../..",
  "..%2f..%2f",
  "%2e%2e%2f",
  "%00",
  "%",
  "%zz",
  "%E0%A4%A",
  "%ff%fe",
  "%C0%AF",
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "' OR 1=1 --",
  '"; drop table surveys; --',
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9".repeat(400),
  "a".repeat(5000),
  "😀",
  "\u202e",
  "<script>",
  "${x}",
  "*",
  "\\",
  "00000000-0000-0000-0000-000000000000",
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 100, maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.uuid() },
);

export const paramArb: fc.Arbitrary<ParamChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: "real" as const }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("raw" as const), value: text, encode: fc.constant(true) }) },
  // Unencoded: malformed percent-escapes and dot segments reach the router as they are.
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("raw" as const), value: fc.constantFrom(...SPECIAL_STRINGS.filter((s) => !/[\s/?#\\]/.test(s))), encode: fc.constant(false) }),
  },
);

const QUERY_KEYS = [
  "from", "to", "channel", "outcome", "segment", "status", "answer", "split", "page", "pageSize", "q",
  "include_emails", "c", "v", "hideText", "__proto__", "constructor", "filter[]", "a[b]",
];

export const queryArb: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
      fc.oneof(
        { weight: 3, arbitrary: text.map((v) => encodeURIComponent(v)) },
        { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "%E0%A4%A", "%ff", "a&b", "=", "question:x", "segment", "2026-13-45", "-1", "1e9", "0") },
        { weight: 2, arbitrary: fc.constantFrom("qualified", "complete", "all", "channel", "question:role", "role:me", "1", "true", "2026-11-01") },
      ),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&"));

const HEADER_NAMES = [
  "accept", "accept-language", "user-agent", "x-request-id", "x-forwarded-for", "x-forwarded-proto",
  "x-forwarded-host", "x-sieve-workspace", "if-none-match", "range", "content-encoding", "cookie",
  "authorization", "origin", "sec-fetch-site", "x-http-method-override",
];

/** Header values any client can send: visible ASCII and Latin-1 (fetch refuses the rest). */
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,120}$/),
  fc.constantFrom("", "Bearer", "Bearer ", "Bearer sieve_", "Basic YTpi", "sieve_session=", "sieve_session=x; sieve_session=y", "null", "*", "\xff\xfe", "gzip", "bytes=0-1"),
  fc.uuid(),
);

export const headersArb: fc.Arbitrary<[string, string][]> = fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), headerValue), { maxLength: 4 });

export const contentTypeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "APPLICATION/JSON",
      "application/json; charset=utf-8",
      "application/json;charset=utf-16",
      "application/vnd.api+json",
      "application/jsonx",
      "text/plain",
      "text/plain;charset=UTF-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "*/*",
      "",
      "application/json, text/plain",
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,40}$/) },
);

/** Replaced in the JSON text by thousands of nested arrays (too deep to build as an object and stringify). */
const DEEP = "\u0001deep\u0001";

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, "", " ", "\u0000", "__proto__", [], {}, [[[]]],
      { __proto__: null, polluted: true },
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { constructor: { prototype: { polluted: true } } },
      "x".repeat(100_000),
      Array.from({ length: 1000 }, (_, i) => i),
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 50 }) },
  { weight: 1, arbitrary: fc.constant(DEEP) },
);

type Path = (string | number)[];

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (out.length > 400) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

type Mutation = { pick: number; op: "replace" | "delete" | "add" | "wrap"; value: unknown; key: string };

function mutate(example: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(example);
  for (const original of mutations) {
    // Constants are shared between cases: never let a mutation write into one.
    const m = { ...original, value: structuredClone(original.value) };
    const all = paths(root);
    const path = all[m.pick % all.length]!;
    if (path.length === 0) {
      root = m.op === "wrap" ? [root] : m.op === "add" && root && typeof root === "object" ? { ...(root as object), [m.key]: m.value } : m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], root);
    const key = path[path.length - 1]!;
    if (m.op === "replace") parent[key] = m.value;
    else if (m.op === "delete") Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (m.op === "wrap") parent[key] = [parent[key]];
    else if (parent[key] && typeof parent[key] === "object" && !Array.isArray(parent[key])) Object.defineProperty(parent[key], m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    else parent[key] = m.value;
  }
  return root;
}

const deepText = (depth: number, kind: "array" | "condition") =>
  kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"op":"or","conditions":['.repeat(depth) + "]}".repeat(depth);

/** A request body: absent, garbage, random JSON, the valid example mutated, truncated, or nested thousands deep. */
export function bodyArb(example: unknown): fc.Arbitrary<string | undefined> {
  const exampleText = example === undefined ? "{}" : JSON.stringify(example);
  const mutation = fc.record({
    pick: fc.nat(),
    op: fc.constantFrom("replace", "delete", "add", "wrap") as fc.Arbitrary<Mutation["op"]>,
    value: nastyValue,
    key: fc.constantFrom("__proto__", "constructor", "extra", "toString", "then", "id", "workspaceId"),
  });
  const mutated = fc
    .tuple(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 20_000 }), fc.constantFrom("array", "condition") as fc.Arbitrary<"array" | "condition">)
    .map(([ms, depth, kind]) => JSON.stringify(mutate(example ?? {}, ms)).split(JSON.stringify(DEEP)).join(deepText(depth, kind)));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(exampleText) },
    { weight: 8, arbitrary: mutated },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.nat({ max: exampleText.length }).map((n) => exampleText.slice(0, n)) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 50_000 }).map((d) => deepText(d, "array")) },
    // Where the schema itself recurses (condition groups), nest there.
    ...(exampleText.includes('"conditions":[')
      ? [{ weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((d) => exampleText.replace('"conditions":[', `"conditions":[${deepText(d, "condition")},`)) }]
      : []),
  );
}

export type AuthChoice = "owner" | "owner-token" | "viewer" | "anonymous" | "garbage-cookie" | "garbage-token";

export const authArb: fc.Arbitrary<AuthChoice> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<AuthChoice>("owner") },
  { weight: 3, arbitrary: fc.constant<AuthChoice>("owner-token") },
  { weight: 1, arbitrary: fc.constantFrom<AuthChoice>("viewer", "anonymous", "garbage-cookie", "garbage-token") },
);

export type FuzzCase = {
  method: string;
  params: ParamChoice[];
  query: string;
  headers: [string, string][];
  auth: AuthChoice;
  sameOrigin: boolean;
  contentType: string;
  body: string | undefined;
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

export function caseArb(route: { method: string; params: string[] }, example: unknown, options: { allowHead: boolean }): fc.Arbitrary<FuzzCase> {
  const methods = METHODS.filter((m) => options.allowHead || m !== "HEAD");
  return fc.record({
    method: fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom(...methods) }),
    params: fc.tuple(...route.params.map(() => paramArb)),
    query: fc.oneof({ weight: 2, arbitrary: fc.constant("") }, { weight: 1, arbitrary: queryArb }),
    headers: headersArb,
    auth: authArb,
    sameOrigin: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    contentType: contentTypeArb,
    body: bodyArb(example),
  });
}
