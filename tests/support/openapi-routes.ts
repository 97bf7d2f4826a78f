/**
 * The route list the security and fuzz suites iterate: read from the served OpenAPI
 * document (`/api/openapi.json`), so a route added to the app — and therefore to the
 * document, which server/src/openapi/openapi.test.ts keeps exact — is covered without
 * touching these suites. An access level the suites do not know fails loudly instead of
 * being skipped.
 */

export const ACCESS_LEVELS = ["public", "user", "viewer", "editor", "owner"] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export type JsonSchema = { [key: string]: unknown };

export type DocumentedRoute = {
  /** Upper-case HTTP method. */
  method: string;
  /** OpenAPI path template: /api/surveys/{id} */
  path: string;
  access: Access;
  /** Path parameter names in order of appearance. */
  params: string[];
  /** The JSON body schema, when the route takes one. */
  body: JsonSchema | null;
  /** "PUT /api/surveys/{id}/definition" */
  key: string;
};

type Operation = { "x-sieve-access"?: unknown; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

/** Every documented operation. Throws on an `x-sieve-access` value outside ACCESS_LEVELS. */
export function routesFromOpenApi(document: unknown): DocumentedRoute[] {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths;
  if (!paths || typeof paths !== "object") throw new Error("The OpenAPI document has no paths");
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const access = op["x-sieve-access"];
      if (!ACCESS_LEVELS.includes(access as Access)) {
        throw new Error(`${method.toUpperCase()} ${path} has x-sieve-access ${JSON.stringify(access)}; known: ${ACCESS_LEVELS.join(", ")}`);
      }
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const body = op.requestBody?.content?.["application/json"]?.schema ?? null;
      routes.push({ method: method.toUpperCase(), path, access: access as Access, params, body, key: `${method.toUpperCase()} ${path}` });
    }
  }
  return routes;
}

/** `{segment}/{param}` — how a parameter is identified: `surveys/{id}` and `tokens/{id}` are different things. */
export function paramKeys(path: string): { name: string; key: string }[] {
  return [...path.matchAll(/([^/]+)\/\{(\w+)\}/g)].map((m) => ({ name: m[2]!, key: `${m[1]}/{${m[2]}}` }));
}

/** Fill a path template; values are URL-encoded unless `raw`. */
export function fillPath(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return raw ? v : encodeURIComponent(v);
  });
}

/**
 * A small valid instance of a JSON Schema (the subset zod's `toJSONSchema` emits): the
 * fallback body for a route the suites have no hand-written example for.
 */
export function exampleFromSchema(schema: JsonSchema, root: JsonSchema = schema, depth = 0): unknown {
  if (depth > 12) return null;
  const ref = schema.$ref;
  if (typeof ref === "string") {
    if (ref === "#") return exampleFromSchema(root, root, depth + 1);
    const m = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref);
    const defs = (root.$defs ?? root.definitions) as Record<string, JsonSchema> | undefined;
    const target = m && defs?.[m[1]!];
    if (!target) throw new Error(`unresolvable $ref ${ref}`);
    return exampleFromSchema(target, root, depth + 1);
  }
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      if (key === "allOf") return Object.assign({}, ...options.map((o) => exampleFromSchema(o as JsonSchema, root, depth + 1)));
      return exampleFromSchema(options[0] as JsonSchema, root, depth + 1);
    }
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((k) => [k, exampleFromSchema(props[k] ?? {}, root, depth + 1)]));
    }
    case "array": {
      const min = Number(schema.minItems ?? 0);
      const items = (schema.items ?? {}) as JsonSchema;
      const prefix = schema.prefixItems as JsonSchema[] | undefined;
      if (prefix) return prefix.map((p) => exampleFromSchema(p, root, depth + 1));
      return Array.from({ length: min }, () => exampleFromSchema(items, root, depth + 1));
    }
    case "string": {
      if (schema.format === "email") return "someone@example.com";
      if (schema.format === "uri") return "https://example.com/";
      if (schema.format === "date") return "2026-01-01";
      if (schema.format === "date-time") return "2026-01-01T00:00:00Z";
      if (schema.format === "uuid") return crypto.randomUUID();
      const min = Math.max(1, Number(schema.minLength ?? 1));
      return "example-value-a".padEnd(min, "a").slice(0, Math.max(min, Math.min(15, Number(schema.maxLength ?? 15))));
    }
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : 1;
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return {};
  }
}
