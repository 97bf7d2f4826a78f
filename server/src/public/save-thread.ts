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
export type SaveThread = PublicWriter & {
  /** Whether a thread is up (it starts with the first write and stops when idle). */
  running(): boolean;
  stop(): Promise<void>;
};

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

type Pending = { resolve: (r: any) => void; reject: (e: unknown) => void };
type Thread = { worker: Worker; pending: Map<number, Pending>; post: (r: SaveRequest) => void; ready: boolean; retiring: boolean; exited: Promise<void> };

/**
 * The thread starts with the first public write (a respondent opening a survey counts a view,
 * so it is ready by their first save) and stops after `idleMs` without one: under tsx it holds
 * about 70 MB of its own, which a server nobody is answering should not carry.
 */
export function startSaveThread(file: string, options: SaveThreadOptions & { idleMs?: number } = {}): SaveThread {
  const data = { file, synchronous: options.synchronous ?? "NORMAL" };
  const idleMs = options.idleMs ?? 5 * 60_000;
  const threads = new Set<Thread>();
  let current: Thread | null = null;
  let next = 0;
  let stopping = false;
  let broken: Error | null = null;
  let idle: NodeJS.Timeout | null = null;

  const settle = (thread: Thread, m: SaveReply) => {
    const p = thread.pending.get(m.n);
    if (!p) return;
    thread.pending.delete(m.n);
    if (m.result !== undefined) p.resolve(m.result);
    else if (m.error?.status !== undefined && m.error.code !== undefined) {
      p.reject(new AppError(m.error.status as AppError["status"], m.error.code, m.error.message, m.error.details));
    } else {
      const error = new Error(m.error?.message ?? "save failed");
      if (m.error?.stack) error.stack = m.error.stack;
      p.reject(error);
    }
  };

  const spawn = (): Thread => {
    const worker = newWorker(data);
    const thread: Thread = { worker, pending: new Map(), post: batched((requests) => worker.postMessage(requests)), ready: false, retiring: false, exited: Promise.resolve() };
    threads.add(thread);
    worker.on("message", (message: SaveReply[] | "ready" | "stopped") => {
      if (message === "ready") thread.ready = true;
      else if (message === "stopped") void worker.terminate();
      else for (const m of message) settle(thread, m);
    });
    worker.on("error", (error) => options.onError?.(String(error)));
    thread.exited = new Promise((resolve) =>
      worker.once("exit", (code) => {
        threads.delete(thread);
        if (current === thread) current = null;
        for (const p of thread.pending.values()) p.reject(new Error("the save thread stopped before answering"));
        thread.pending.clear();
        if (!thread.retiring && !stopping) {
          // A thread that never started would fail again: stop there rather than loop.
          if (!thread.ready) broken = new Error(`the save thread could not start (exit code ${code})`);
          options.onError?.(broken?.message ?? `save thread exited with ${code}; the next write starts another`);
        }
        resolve();
      }),
    );
    return thread;
  };

  const retire = (thread: Thread) => {
    thread.retiring = true;
    if (current === thread) current = null;
    thread.worker.postMessage("stop");
    setTimeout(() => void thread.worker.terminate(), 5000).unref();
  };

  const armIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      if (current && current.pending.size > 0) return armIdle();
      if (current) retire(current);
    }, idleMs);
    idle.unref();
  };

  const request = <T>(body: { input: SaveInput } | { count: FunnelCount }) =>
    new Promise<T>((resolve, reject) => {
      if (broken) return reject(broken);
      if (stopping) return reject(new Error("the save thread is stopping"));
      const thread = (current ??= spawn());
      const n = next++;
      thread.pending.set(n, { resolve, reject });
      thread.post({ n, ...body });
      armIdle();
    });

  return {
    save: (input) => request<SaveResult>({ input }),
    count: async (count) => {
      await request<null>({ count });
    },
    running: () => current !== null,
    stop: async () => {
      stopping = true;
      if (idle) clearTimeout(idle);
      for (const thread of threads) if (!thread.retiring) retire(thread);
      await Promise.all([...threads].map((t) => t.exited));
    },
  };
}
