import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER, clearFilters, isFiltered, pageQueryToSearch, readPageQuery, setAnswerFilter, splitFromValue, splitValue, toggle } from "./page-query";

describe("the dashboard's view in the URL", () => {
  it("reads filters, split, tab, page and search from the query string", () => {
    const q = readPageQuery("?from=2026-11-01&channel=c1,direct&outcome=qualified&answer=role:me,boss&split=question:role&view=responses&page=3&q=notion");
    expect(q.issues).toEqual([]);
    expect(q.filter).toMatchObject({
      from: "2026-11-01",
      channels: ["c1", "direct"],
      outcomes: ["qualified"],
      answers: [{ questionId: "role", optionIds: ["me", "boss"] }],
      split: { by: "question", questionId: "role" },
    });
    expect(q).toMatchObject({ view: "responses", page: 3, q: "notion" });
  });

  it("writes back the same query string (round trip), defaults left out", () => {
    const search = "?from=2026-11-01&channel=c1%2Cdirect&outcome=qualified&answer=role%3Ame%2Cboss&split=segment&view=responses&page=2&q=notion";
    const q = readPageQuery(search);
    expect(pageQueryToSearch(q)).toBe(search);
    expect(pageQueryToSearch({ filter: DEFAULT_FILTER, view: "overview", page: 1, q: "" })).toBe("");
  });

  it("keeps page and search only on the responses tab", () => {
    expect(pageQueryToSearch({ filter: DEFAULT_FILTER, view: "overview", page: 4, q: "x" })).toBe("");
  });

  it("falls back to all responses and says why when the filter is not valid", () => {
    const q = readPageQuery("?outcome=maybe&split=segment");
    expect(q.filter).toEqual(DEFAULT_FILTER);
    expect(q.issues.length).toBeGreaterThan(0);
    expect(readPageQuery("?from=2026-11-05&to=2026-11-01").issues[0]?.code).toBe("invalid_range");
  });

  it("ignores a nonsense page number", () => {
    expect(readPageQuery("?view=responses&page=-2").page).toBe(1);
    expect(readPageQuery("?view=responses&page=abc").page).toBe(1);
  });
});

describe("filter edits", () => {
  it("toggles a value in a list", () => {
    expect(toggle(["a"], "b")).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "a")).toEqual(["b"]);
  });

  it("sets, replaces in place, and removes an answer filter", () => {
    let f = setAnswerFilter(DEFAULT_FILTER, "role", ["me"]);
    f = setAnswerFilter(f, "size", ["big"]);
    f = setAnswerFilter(f, "role", ["me", "boss"]);
    expect(f.answers).toEqual([
      { questionId: "role", optionIds: ["me", "boss"] },
      { questionId: "size", optionIds: ["big"] },
    ]);
    expect(setAnswerFilter(f, "role", []).answers).toEqual([{ questionId: "size", optionIds: ["big"] }]);
  });

  it("clears every narrowing filter but keeps the split", () => {
    const f = { ...DEFAULT_FILTER, outcomes: ["qualified" as const], status: "all" as const, split: { by: "segment" as const } };
    expect(isFiltered(f)).toBe(true);
    expect(clearFilters(f)).toEqual({ ...DEFAULT_FILTER, split: { by: "segment" } });
    expect(isFiltered({ ...DEFAULT_FILTER, split: { by: "channel" } })).toBe(false);
  });

  it("maps the split selector's values both ways", () => {
    for (const split of [null, { by: "segment" as const }, { by: "outcome" as const }, { by: "question" as const, questionId: "role" }]) {
      expect(splitFromValue(splitValue(split))).toEqual(split);
    }
  });
});
