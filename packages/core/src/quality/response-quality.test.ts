import { describe, expect, it } from "vitest";
import { SurveyDefinitionSchema } from "../survey/definition-schema";
import { isSpeeding, isStraightLining, minimumPageMs } from "./response-quality";

const def = SurveyDefinitionSchema.parse({
  schemaVersion: 1,
  title: "Quality",
  pages: [
    {
      id: "p1",
      questions: [
        {
          id: "grid",
          type: "matrix",
          title: "How much do you agree?",
          rows: [
            { id: "a", label: "A" },
            { id: "b", label: "B" },
            { id: "c", label: "C" },
          ],
          columns: [
            { id: "yes", label: "Agree" },
            { id: "no", label: "Disagree" },
          ],
        },
        { id: "r1", type: "rating", title: "R1" },
        { id: "r2", type: "rating", title: "R2" },
        { id: "r3", type: "rating", title: "R3" },
        { id: "r4", type: "rating", title: "R4" },
        { id: "intro", type: "statement", title: "Thanks", body: "" },
      ],
    },
  ],
});

describe("response quality", () => {
  it("needs about 1.2 s per answerable question on a page, statements excluded", () => {
    expect(minimumPageMs(def.pages[0]!)).toBe(5 * 1200);
  });

  it("flags a page answered faster than its minimum time as speeding", () => {
    expect(isSpeeding(def.pages[0]!, 2000)).toBe(true);
    expect(isSpeeding(def.pages[0]!, 8000)).toBe(false);
  });

  it("flags one column for every row of a grid as straight-lining", () => {
    expect(isStraightLining(def, { grid: { a: "yes", b: "yes", c: "yes" } })).toBe(true);
    expect(isStraightLining(def, { grid: { a: "yes", b: "no", c: "yes" } })).toBe(false);
  });

  it("flags the same value on four rating questions of one scale", () => {
    expect(isStraightLining(def, { r1: 3, r2: 3, r3: 3, r4: 3 })).toBe(true);
    expect(isStraightLining(def, { r1: 3, r2: 3, r3: 3, r4: 4 })).toBe(false);
    expect(isStraightLining(def, { r1: 3, r2: 3, r3: 3 })).toBe(false);
  });
});
