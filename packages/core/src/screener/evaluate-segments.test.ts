import { describe, expect, it } from "vitest";
import type { SegmentSchema } from "../survey/definition-schema";
import type { z } from "zod";
import { choice, noChannel, redditChannel, survey } from "../testing/fixtures";
import { evaluateSegments } from "./evaluate-segments";

const roleIs = (value: string) => ({
  op: "and" as const,
  conditions: [{ source: "answer" as const, questionId: "role", operator: "equals" as const, value }],
});
const segment = (id: string, when: z.input<typeof SegmentSchema>["when"]) => ({ id, name: id, color: "#336699", when });

const def = survey(
  [
    choice("role", ["pm", "dev"]),
    choice("freq", ["daily", "weekly"], { showIf: roleIs("pm") }),
  ],
  {
    segments: [
      segment("pms", roleIs("pm")),
      segment("daily", {
        op: "and",
        conditions: [{ source: "answer", questionId: "freq", operator: "equals", value: "daily" }],
      }),
      segment("from_reddit", { op: "or", conditions: [{ source: "channel", operator: "is_any_of", values: ["reddit"] }] }),
    ],
  },
);

describe("evaluateSegments", () => {
  it("a response can fall in several segments, listed in definition order", () => {
    expect(evaluateSegments(def, { role: "pm", freq: "daily" }, redditChannel)).toEqual(["pms", "daily", "from_reddit"]);
  });

  it("a response matching no rule is in no segment", () => {
    expect(evaluateSegments(def, { role: "dev" }, noChannel)).toEqual([]);
  });

  it("answers to hidden questions do not place a response in a segment", () => {
    expect(evaluateSegments(def, { role: "dev", freq: "daily" }, noChannel)).toEqual([]);
  });

  it("segments can be defined by channel alone", () => {
    expect(evaluateSegments(def, {}, redditChannel)).toEqual(["from_reddit"]);
  });
});
