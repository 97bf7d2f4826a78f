/**
 * An export measured where it runs: a real `sieve serve` process (node + tsx loader, so the
 * pid is the server's own) on an existing data directory, read over HTTP by this process.
 * Memory is the server's, from /proc/<pid>/status — VmHWM is the kernel's own high-water mark
 * of resident memory, so no peak falls between two samples.
 */
import { readFileSync } from "node:fs";
import { startServer } from "../support/server-process.js";

export type ExportMeasurement = {
  ms: number;
  firstByteMs: number;
  bytes: number;
  /** Lines after the header (CSV) or records (JSON, one per line). */
  rows: number;
  /** Server RSS after start-up and one warm-up request, before the export. */
  baselineRss: number;
  /** The server's high-water mark of RSS before the export began (start-up, migrations). */
  hwmBefore: number;
  /** The server's high-water mark of RSS at the end of the export. */
  peakRss: number;
};

function procStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no ${field} for pid ${pid}`);
  return Number(m[1]) * 1024;
}

/**
 * Start the server on `dataDir`, GET `path` with the bearer token, read the whole body as fast
 * as it comes, stop the server. One server per export, so each export has its own high-water mark.
 */
export async function measureServerExport(dataDir: string, token: string, path: string, warmPath: string): Promise<ExportMeasurement> {
  const server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" }, { direct: true });
  try {
    const pid = server.pid!;
    const headers = { authorization: `Bearer ${token}` };
    const warm = await fetch(server.url + warmPath, { headers });
    await warm.arrayBuffer();
    if (warm.status !== 200) throw new Error(`warm-up ${warmPath}: ${warm.status}`);
    const baselineRss = procStatus(pid, "VmRSS");
    const hwmBefore = procStatus(pid, "VmHWM");
    const t0 = performance.now();
    const res = await fetch(server.url + path, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    let firstByteMs = 0;
    let bytes = 0;
    let newlines = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = performance.now() - t0;
      bytes += value.length;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++;
    }
    const ms = performance.now() - t0;
    const peakRss = procStatus(pid, "VmHWM");
    // CSV: a header line; JSON: an opening line and the closing "]}" line.
    const rows = path.includes(".csv") ? newlines - 1 : newlines - 2;
    return { ms, firstByteMs, bytes, rows, baselineRss, hwmBefore, peakRss };
  } finally {
    await server.stop();
  }
}
