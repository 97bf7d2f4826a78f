import { describe, expect, it } from "vitest";
import { addAggregates, type ResultsAggregates } from "./build-results";

describe("addAggregates", () => {
  it("sums rows with the same key and keeps the others", () => {
    const a: ResultsAggregates = {
      columns: [{ key: "buyers", n: 3 }],
      answered: [{ questionId: "q", key: null, n: 3 }, { questionId: "q", key: "buyers", n: 3 }],
      choices: [{ questionId: "q", optionId: "x", row: null, key: null, count: 2 }, { questionId: "m", optionId: "x", row: "r1", key: null, count: 1 }],
      numbers: [{ questionId: "n", value: 5, key: null, count: 1 }],
    };
    const b: ResultsAggregates = {
      columns: [{ key: "buyers", n: 2 }, { key: "users", n: 1 }],
      answered: [{ questionId: "q", key: null, n: 2 }],
      // The same option in another matrix row, or overall vs a column, is another cell.
      choices: [{ questionId: "q", optionId: "x", row: null, key: null, count: 4 }, { questionId: "m", optionId: "x", row: "r2", key: null, count: 1 }, { questionId: "q", optionId: "x", row: null, key: "users", count: 1 }],
      numbers: [{ questionId: "n", value: 5, key: null, count: 2 }, { questionId: "n", value: 6, key: null, count: 1 }],
    };
    expect(addAggregates([a, b])).toEqual({
      columns: [{ key: "buyers", n: 5 }, { key: "users", n: 1 }],
      answered: [{ questionId: "q", key: null, n: 5 }, { questionId: "q", key: "buyers", n: 3 }],
      choices: [
        { questionId: "q", optionId: "x", row: null, key: null, count: 6 },
        { questionId: "m", optionId: "x", row: "r1", key: null, count: 1 },
        { questionId: "m", optionId: "x", row: "r2", key: null, count: 1 },
        { questionId: "q", optionId: "x", row: null, key: "users", count: 1 },
      ],
      numbers: [{ questionId: "n", value: 5, key: null, count: 3 }, { questionId: "n", value: 6, key: null, count: 1 }],
    });
    expect(addAggregates([])).toEqual({ columns: [], answered: [], choices: [], numbers: [] });
  });
});
