/**
 * The save thread's entry (see save-thread.ts): its own SQLite connection, the same
 * response saver as the request thread, and a message per save.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../db/create-db.js";
import { uuidIds } from "../ops/clock.js";
import { AppError } from "../errors.js";
import { createResponseSaver } from "./response-saver.js";
import { countFunnel } from "./public-writer.js";
import { batched, type SaveReply, type SaveRequest, type SaveThreadOptions } from "./save-thread.js";

const port = parentPort!;
const options = workerData as Required<SaveThreadOptions> & { file: string };
// The checkpointer thread checkpoints; this connection only does so should it fall far behind.
const db = createDb({ kind: "sqlite", file: options.file, sqliteSynchronous: options.synchronous, walAutocheckpoint: 10_000 });
const save = createResponseSaver({ db, ids: uuidIds });

function errorOf(error: unknown): SaveReply["error"] {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  return { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
}

const reply = batched<SaveReply>((replies) => port.postMessage(replies));

port.on("message", (message: SaveRequest[] | "stop") => {
  if (message === "stop") {
    void db.destroy().finally(() => port.postMessage("stopped"));
    return;
  }
  for (const m of message) {
    const done = "input" in m ? save(m.input) : countFunnel(db, m.count).then(() => null);
    done.then(
      (result) => reply({ n: m.n, result }),
      (error: unknown) => reply({ n: m.n, error: errorOf(error) }),
    );
  }
});
port.postMessage("ready");
