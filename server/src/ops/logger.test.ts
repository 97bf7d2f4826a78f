import { describe, expect, it } from "vitest";
import { createBatchedWriter, createLogger } from "./logger.js";

describe("logger", () => {
  it("writes one JSON object per line at or above its level", () => {
    const lines: string[] = [];
    const logger = createLogger("info", (l) => lines.push(l));
    logger.debug("hidden");
    logger.info("shown", { requestId: "r1" });
    logger.error("bad");
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: "info", msg: "shown", requestId: "r1" }),
      expect.objectContaining({ level: "error", msg: "bad" }),
    ]);
    expect(lines.every((l) => l.endsWith("\n"))).toBe(true);
  });

  it("batches lines into one write per event-loop turn and flushes on demand", async () => {
    const chunks: string[] = [];
    const out = createBatchedWriter((c) => chunks.push(c));
    out.write("a\n");
    out.write("b\n");
    expect(chunks).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(chunks).toEqual(["a\nb\n"]);
    out.write("c\n");
    out.flush();
    expect(chunks).toEqual(["a\nb\n", "c\n"]);
  });
});
