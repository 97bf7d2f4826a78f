import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth, so equal values hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + canonicalJson(value[i]);
    return out + "]";
  }
  if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    let out = "{";
    for (const key of Object.keys(object).sort()) {
      if (object[key] === undefined) continue;
      out += (out.length > 1 ? "," : "") + JSON.stringify(key) + ":" + canonicalJson(object[key]);
    }
    return out + "}";
  }
  return JSON.stringify(value) ?? "null";
}

export function hashJson(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
