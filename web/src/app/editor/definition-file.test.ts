import { describe, expect, it } from "vitest";
import { definitionJson, exportFileName, parseDefinitionFile } from "./definition-file";
import { fixture } from "./test-fixtures";

describe("exporting", () => {
  it("writes the draft as pretty JSON that imports back unchanged", () => {
    const text = definitionJson(fixture());
    expect(text).toContain('\n  "schemaVersion": 1');
    expect(parseDefinitionFile(text)).toEqual({ ok: true, value: fixture() });
  });

  it("names the file after the title", () => {
    expect(exportFileName("Who buys? (v2) — Café")).toBe("who-buys-v2-cafe.sieve.json");
    expect(exportFileName("???")).toBe("survey.sieve.json");
  });
});

describe("importing", () => {
  it("accepts the API's { survey: { definition } } and { definition }", () => {
    expect(parseDefinitionFile(JSON.stringify({ survey: { definition: fixture() } })).ok).toBe(true);
    expect(parseDefinitionFile(JSON.stringify({ definition: fixture() })).ok).toBe(true);
  });

  it("explains a file that is not JSON, or not a definition", () => {
    expect(parseDefinitionFile("{ nope")).toEqual({
      ok: false,
      issues: [{ path: [], code: "invalid_json", message: "The file is not valid JSON." }],
    });
    expect(parseDefinitionFile("[1, 2]")).toMatchObject({ ok: false, issues: [{ code: "not_a_definition" }] });
  });

  it("lists every schema problem with its path", () => {
    const broken = { ...fixture(), title: "", estimatedMinutes: 500 };
    const result = parseDefinitionFile(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["title", "This can’t be empty"],
        ["estimatedMinutes", "Use 120 or less"],
      ]);
    }
  });
});
