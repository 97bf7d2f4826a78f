/**
 * SQLite WAL checkpoints off the request path. In WAL mode every commit appends pages to the
 * -wal file; by default the committing connection copies them back into the database once
 * the WAL passes 1000 pages, with an fsync, inside whichever request happened to commit —
 * measured at about half of a public save's time, amortized. Here a worker thread with its
 * own connection runs PASSIVE checkpoints (which never block writers) on a timer, so the
 * fsyncs happen on another thread. The request connection keeps a high auto-checkpoint
 * threshold as a fallback should the worker fall behind (see createDb's walAutocheckpoint).
 */
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";

// Plain JavaScript evaluated in the worker, so it runs the same under tsx and compiled builds.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma("busy_timeout = 1000");
let timer = null;
const tick = () => {
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ type: "checkpoint", busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (error) {
    parentPort.postMessage({ type: "error", message: String(error && error.message || error) });
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
parentPort.on("message", (m) => {
  if (m === "stop") {
    clearTimeout(timer);
    try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
    db.close();
    parentPort.postMessage({ type: "stopped" });
  }
});
tick();
`;

export type Checkpointer = { stop(): Promise<void> };

export function startCheckpointer(file: string, options: { intervalMs?: number; onError?: (message: string) => void } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs: options.intervalMs ?? 200 } });
  worker.unref();
  worker.on("message", (m: { type: string; message?: string }) => {
    if (m.type === "error") options.onError?.(m.message ?? "checkpoint failed");
  });
  worker.on("error", (error) => options.onError?.(String(error)));
  let exited = false;
  worker.once("exit", () => (exited = true));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once("exit", () => resolve());
        worker.on("message", (m: { type: string }) => m.type === "stopped" && void worker.terminate());
        worker.postMessage("stop");
        setTimeout(() => void worker.terminate(), 2000).unref();
      }),
  };
}
