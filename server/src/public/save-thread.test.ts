import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "../errors.js";
import { startSaveThread, type SaveThread } from "./save-thread.js";
import { bodyHashOf, type SaveInput } from "./response-saver.js";
import { createTestDb } from "../testing/test-db.js";

// What the public API does through the thread is covered by public-responses.test.ts, which
// runs every case on it as well; these are the thread's own failure modes.
describe("save thread", () => {
  const dirs: string[] = [];
  const threads: SaveThread[] = [];
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((t) => t.stop()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "sieve-save-thread-test-"));
    dirs.push(dir);
    return dir;
  };
  const input = (survey: string): SaveInput => {
    const body = { survey, answers: {}, complete: false };
    return { id: "0190d6c2-7a5e-7000-8000-000000000001", body, clientKey: "k", userAgent: "", seenBefore: [], now: new Date().toISOString(), bodyHash: bodyHashOf(body) };
  };

  it("hands back the saver's errors as the same AppErrors", async () => {
    const file = join(tempDir(), "sieve.db");
    const db = await createTestDb("sqlite", { file });
    const thread = startSaveThread(file);
    threads.push(thread);
    const error = await thread.save(input("no-such-survey")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 404, code: "not_found", message: "Survey not found" });
    await db.cleanup();
  });

  it("starts with the first write, stops when idle, and starts again for the next write", async () => {
    const file = join(tempDir(), "sieve.db");
    const db = await createTestDb("sqlite", { file });
    const thread = startSaveThread(file, { idleMs: 300 });
    threads.push(thread);
    expect(thread.running()).toBe(false);
    await expect(thread.save(input("no-such-survey"))).rejects.toMatchObject({ status: 404 });
    expect(thread.running()).toBe(true);
    await new Promise((r) => setTimeout(r, 900));
    expect(thread.running()).toBe(false);
    await expect(thread.save(input("no-such-survey"))).rejects.toMatchObject({ status: 404 });
    expect(thread.running()).toBe(true);
    await db.cleanup();
  });

  it("fails saves plainly, without restarting forever, when its database cannot be opened", async () => {
    const errors: string[] = [];
    // A directory is not a database file.
    const thread = startSaveThread(tempDir(), { onError: (message) => errors.push(message) });
    threads.push(thread);
    const first = await thread.save(input("x")).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Error);
    expect(first).not.toBeInstanceOf(AppError);
    const second = await thread.save(input("x")).catch((e: unknown) => e);
    expect(String(second)).toMatch(/could not start/);
    expect(errors.filter((m) => /could not start/.test(m))).toHaveLength(1);
  });
});
