/**
 * Public saves (and the funnel's view and click counts) on a thread of their own (SQLite, `sieve serve`).
 *
 * A public save spends most of its CPU in the database: a dozen statements, their commit and
 * Kysely around them. On one thread that work and HTTP take turns on one core; here HTTP,
 * parsing and validation stay on the main thread while a worker thread with its own SQLite
 * connection runs the same saver (response-saver.ts), so a two-core machine uses both. The
 * worker's writes group-commit as the main thread's do (transactions.ts), acknowledgement
 * still waits for the commit, and SQLite's write lock orders them with every other writer.
 *
 * If the worker dies, its pending saves fail (the browser retries them: saves are
 * idempotent) and a new worker takes the next ones.
 */
import { Worker } from "node:worker_threads";
import { AppError } from "../errors.js";
import type { SaveInput, SaveResult } from "./response-saver.js";
import type { FunnelCount, PublicWriter } from "./public-writer.js";

export type SaveThreadOptions = { synchronous?: "NORMAL" | "FULL"; onError?: (message: string) => void };
export type SaveRequest = { n: number; input: SaveInput } | { n: number; count: FunnelCount };
export type SaveReply = {
  n: number;
  result?: SaveResult | null;
  error?: { status?: number; code?: string; message: string; details?: unknown; stack?: string | undefined };
};
export type SaveThread = PublicWriter & { stop(): Promise<void> };

/**
 * Messages between the threads go in batches, one per event-loop turn: a message has a fixed
 * cost on both sides, and under load a turn carries dozens of saves.
 */
export function batched<T>(send: (items: T[]) => void): (item: T) => void {
  let items: T[] = [];
  return (item) => {
    items.push(item);
    if (items.length > 1) return;
    setImmediate(() => {
      const batch = items;
      items = [];
      send(batch);
    });
  };
}

/** The worker module: TypeScript source under tsx (which a worker must register itself), JavaScript when compiled. */
function newWorker(data: object): Worker {
  const source = import.meta.url.endsWith(".ts");
  const entry = new URL(source ? "./save-worker.ts" : "./save-worker.js", import.meta.url);
  if (!source) return new Worker(entry, { workerData: data });
  const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

export function startSaveThread(file: string, options: SaveThreadOptions = {}): SaveThread {
  const data = { file, synchronous: options.synchronous ?? "NORMAL" };
  const pending = new Map<number, { resolve: (r: any) => void; reject: (e: unknown) => void }>();
  let next = 0;
  let stopping = false;
  let worker: Worker;
  let broken: Error | null = null;
  let exited = false;

  const settle = (m: SaveReply) => {
    const p = pending.get(m.n);
    if (!p) return;
    pending.delete(m.n);
    if (m.result !== undefined) p.resolve(m.result);
    else if (m.error?.status !== undefined && m.error.code !== undefined) {
      p.reject(new AppError(m.error.status as AppError["status"], m.error.code, m.error.message, m.error.details));
    } else {
      const error = new Error(m.error?.message ?? "save failed");
      if (m.error?.stack) error.stack = m.error.stack;
      p.reject(error);
    }
  };
  const post = batched<SaveRequest>((requests) => worker.postMessage(requests));

  const start = () => {
    const w = newWorker(data);
    let ready = false;
    w.on("message", (message: SaveReply[] | "ready" | "stopped") => {
      if (message === "ready") ready = true;
      if (typeof message === "string") return;
      for (const m of message) settle(m);
    });
    w.on("error", (error) => options.onError?.(String(error)));
    w.once("exit", (code) => {
      exited = true;
      if (stopping) return;
      for (const p of pending.values()) p.reject(new Error("the save thread stopped before answering"));
      pending.clear();
      // A thread that never started would fail again: stop there rather than loop.
      if (!ready) {
        broken = new Error(`the save thread could not start (exit code ${code})`);
        options.onError?.(broken.message);
        return;
      }
      options.onError?.(`save thread exited with ${code}; starting another`);
      worker = start();
    });
    exited = false;
    return w;
  };
  worker = start();

  const request = <T>(body: { input: SaveInput } | { count: FunnelCount }) =>
    new Promise<T>((resolve, reject) => {
      if (broken) return reject(broken);
      const n = next++;
      pending.set(n, { resolve, reject });
      post({ n, ...body });
    });

  return {
    save: (input) => request<SaveResult>({ input }),
    count: async (count) => {
      await request<null>({ count });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (exited) return resolve();
        const w = worker;
        w.once("exit", () => resolve());
        w.on("message", (m) => m === "stopped" && void w.terminate());
        w.postMessage("stop");
        setTimeout(() => void w.terminate(), 5000).unref();
      }),
  };
}
