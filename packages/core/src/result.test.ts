import { describe, expect, it } from "vitest";
import { fail, issue, ok } from "./result";

describe("result", () => {
  it("ok wraps a value and fail wraps issues", () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail([issue(["a", 0], "code", "message")])).toEqual({
      ok: false,
      issues: [{ path: ["a", 0], code: "code", message: "message" }],
    });
  });
});
