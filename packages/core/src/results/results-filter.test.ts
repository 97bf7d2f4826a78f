import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseResultsFilter, resultsFilterToParams, ResultsFilterSchema } from "./results-filter";

/** A tiny stand-in for URLSearchParams: core is compiled without DOM or Node types. */
function params(qs: string) {
  const pairs = qs.split("&").filter(Boolean).map((kv) => kv.split("=").map(decodeURIComponent) as [string, string]);
  return { get: (k: string) => pairs.find(([key]) => key === k)?.[1] ?? null, getAll: (k: string) => pairs.filter(([key]) => key === k).map(([, v]) => v) };
}
const parse = (qs: string) => parseResultsFilter(params(qs));
const fromPairs = (pairs: [string, string][]) => params(pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"));

describe("results filter", () => {
  it("defaults to completed responses, unsplit, unfiltered", () => {
    expect(parse("")).toEqual({
      ok: true,
      value: { channels: [], outcomes: [], segments: [], status: "complete", answers: [], split: null },
    });
  });

  it("reads every part from the query string", () => {
    const r = parse("from=2026-11-01&to=2026-11-22&channel=c1,direct&outcome=qualified&outcome=flagged&segment=buyers&status=all&answer=role:me,boss&split=question:role");
    expect(r).toEqual({
      ok: true,
      value: {
        from: "2026-11-01",
        to: "2026-11-22",
        channels: ["c1", "direct"],
        outcomes: ["qualified", "flagged"],
        segments: ["buyers"],
        status: "all",
        answers: [{ questionId: "role", optionIds: ["me", "boss"] }],
        split: { by: "question", questionId: "role" },
      },
    });
  });

  it("reports bad values with their paths", () => {
    const r = parse("outcome=maybe&split=planet&from=yesterday");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path[0]).sort()).toEqual(["from", "outcomes", "split"]);
    expect(parse("answer=nocolon").ok).toBe(false);
    expect(parse("from=2026-11-22&to=2026-11-01").ok).toBe(false);
  });

  it("round-trips through the URL", () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);
    fc.assert(
      fc.property(
        fc.record({
          channels: fc.array(id, { maxLength: 3 }),
          outcomes: fc.uniqueArray(fc.constantFrom("qualified", "disqualified", "over_quota", "flagged"), { maxLength: 4 }),
          segments: fc.array(id, { maxLength: 3 }),
          status: fc.constantFrom("complete", "partial", "all"),
          answers: fc.array(fc.record({ questionId: id, optionIds: fc.array(id, { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
          split: fc.oneof(fc.constant(null), fc.record({ by: fc.constantFrom("segment", "channel", "outcome") }), fc.record({ by: fc.constant("question"), questionId: id })),
        }),
        (raw) => {
          const filter = ResultsFilterSchema.parse(raw);
          expect(parseResultsFilter(fromPairs(resultsFilterToParams(filter)))).toEqual({ ok: true, value: filter });
        },
      ),
    );
  });
});
