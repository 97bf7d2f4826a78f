/**
 * fast-check arbitraries for hostile requests: path parameters, query strings, headers and
 * bodies that are malformed, mistyped, oversized, deeply nested or prototype-polluting,
 * built from a route's valid example so a good share of cases gets past the first check.
 *
 * Values Postgres refuses where SQLite stores them go everywhere text or integers do: NUL
 * (U+0000) and lone surrogates in JSON strings, path parameters and query values, integers
 * beyond 32 bits or not integers at all, very long strings. "Taint" mutations keep the
 * example's type (a string stays a string, a number a number) so they pass the schema and
 * reach the database.
 */
import fc from "fast-check";

/** Text Postgres cannot store (NUL) or UTF-8 cannot encode (lone surrogates). */
export const UNSTORABLE_STRINGS = ["\u0000", "a\u0000b", "\u0000".repeat(3), "\ud800", "a\udfffb", "\ud83d", "x\udc00\ud800y"];

/** Integers at and past the 32-bit bounds, past 2^53, and numbers that are not integers. */
export const HOSTILE_NUMBERS = [
  2_147_483_647, 2_147_483_648, -2_147_483_648, -2_147_483_649, 4_294_967_296, 9_007_199_254_740_991, -9_007_199_254_740_991,
  1e15, 1e21, 0.5, 1.000001, -0.5, -0, 1e-7, -1, 0,
];

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the
 * three bytes a sloppy client would write for it (WTF-8: %ED%A0%80…), not dropped.
 */
export function looseEncode(value: string): string {
  return value.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    }
    return encodeURIComponent(ch);
  });
}

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
  ...UNSTORABLE_STRINGS,
  "2147483648",
  "-2147483649",
  "9223372036854775808",
  "99999999999999999999999",
  "1.5",
  "0x10",
  "1e400",
  // 3000 UTF-8 bytes: past the size of a Postgres b-tree index entry (2704 bytes).
  "é".repeat(1500),
  "a".repeat(70),
];

/** A string with NUL or a lone surrogate spliced in at a random place. */
const tainted = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...UNSTORABLE_STRINGS), fc.nat())
  .map(([base, bad, at]) => base.slice(0, at % (base.length + 1)) + bad + base.slice(at % (base.length + 1)));

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 100, maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: tainted },
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
        { weight: 3, arbitrary: text.map((v) => looseEncode(v)) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "%", "%zz", "%E0%A4%A", "%ff", "a&b", "=", "question:x", "segment", "2026-13-45", "-1", "1e9", "0",
            "%00", "a%00b", "%ED%A0%80", "%C0%80", "2147483648", "-2147483649", "99999999999999999999", "1.5", "1e400",
          ),
        },
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
/** Replaced in the JSON text by a number literal JSON.stringify cannot write (beyond a double's range or precision). */
const BIG = "\u0001big\u0001";
const BIG_LITERALS = ["1e400", "-1e400", "123456789012345678901234567890", "2147483648.0", "1E+10", "-0"];

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
      "é".repeat(5000),
      Array.from({ length: 1000 }, (_, i) => i),
      ...UNSTORABLE_STRINGS,
      ...HOSTILE_NUMBERS,
      { "a\u0000b": 1 },
      { "\ud800": "x" },
    ),
  },
  { weight: 1, arbitrary: tainted },
  { weight: 1, arbitrary: fc.constant(BIG) },
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

type Mutation = { pick: number; op: "replace" | "delete" | "add" | "wrap" | "taint"; value: unknown; key: string; taint: number };

/** The value at a path made hostile but kept its type, so the schema lets it through to the database. */
function taint(value: unknown, n: number): unknown {
  if (typeof value === "string") {
    const choices = [
      ...UNSTORABLE_STRINGS.map((bad) => value.slice(0, n % (value.length + 1)) + bad + value.slice(n % (value.length + 1))),
      value + "\u0000",
      value.repeat(Math.ceil(3000 / Math.max(1, value.length))),
      value + "é".repeat(1500),
    ];
    return choices[n % choices.length];
  }
  if (typeof value === "number") return HOSTILE_NUMBERS[n % HOSTILE_NUMBERS.length]!;
  if (Array.isArray(value)) return value.map((v) => taint(v, n));
  return value;
}

function mutate(example: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(example);
  for (const original of mutations) {
    // Constants are shared between cases: never let a mutation write into one.
    const m = { ...original, value: structuredClone(original.value) };
    const all = paths(root);
    const path = all[m.pick % all.length]!;
    if (path.length === 0) {
      root =
        m.op === "wrap" ? [root] : m.op === "taint" ? taint(root, m.taint) : m.op === "add" && root && typeof root === "object" ? { ...(root as object), [m.key]: m.value } : m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], root);
    const key = path[path.length - 1]!;
    if (m.op === "replace") parent[key] = m.value;
    else if (m.op === "delete") Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (m.op === "wrap") parent[key] = [parent[key]];
    else if (m.op === "taint") parent[key] = taint(parent[key], m.taint);
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
    op: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("replace", "delete", "add", "wrap") },
      // Type-keeping mutations get past the schema: weight them so every run sends plenty.
      { weight: 3, arbitrary: fc.constant("taint") },
    ) as fc.Arbitrary<Mutation["op"]>,
    value: nastyValue,
    key: fc.constantFrom("__proto__", "constructor", "extra", "toString", "then", "id", "workspaceId", "\u0000", "\ud800"),
    taint: fc.nat(),
  });
  const mutated = fc
    .tuple(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 20_000 }), fc.constantFrom("array", "condition") as fc.Arbitrary<"array" | "condition">)
    .map(([ms, depth, kind]) =>
      JSON.stringify(mutate(example ?? {}, ms))
        .split(JSON.stringify(DEEP))
        .join(deepText(depth, kind))
        .split(JSON.stringify(BIG))
        .join(BIG_LITERALS[depth % BIG_LITERALS.length]!),
    );
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
