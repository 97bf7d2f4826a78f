/**
 * Runs the real `pnpm sieve` entry point (server/src/main.ts through tsx) as a child
 * process on a free loopback port with its own data directory, the way a user does.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(repoRoot, "node_modules", ".bin", "tsx");
const main = join(repoRoot, "server", "src", "main.ts");

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "sieve-data-"));
}

export type CliResult = { status: number | null; stdout: string; stderr: string };

/** Run one CLI command to completion. */
export function runCli(args: string[], env: Record<string, string>): CliResult {
  const r = spawnSync(tsx, [main, ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export type ServerProcess = {
  url: string;
  pid: number | undefined;
  setupUrl: string | null;
  logs: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export type StartOptions = {
  /**
   * Run the server as one node process with tsx's loader (`node --import tsx`) instead of
   * through the tsx CLI, which runs it in a child of its own: only then does a signal the
   * CLI cannot relay — SIGKILL — reach the server itself instead of orphaning it.
   */
  direct?: boolean;
};

/** Start `sieve serve` and wait until it listens. */
export async function startServer(env: Record<string, string>, options: StartOptions = {}): Promise<ServerProcess> {
  const [command, args] = options.direct ? [process.execPath, ["--import", "tsx", main, "serve"]] : [tsx, [main, "serve"]];
  const child: ChildProcess = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /Sieve is listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const setup = /\/setup\/([A-Za-z0-9_-]+)/.exec(out);
  return {
    url,
    pid: child.pid,
    setupUrl: setup ? `${url}/setup/${setup[1]}` : null,
    logs: () => out,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}
