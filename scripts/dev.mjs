#!/usr/bin/env node
// `pnpm dev`: the API server with reload on :3000 and Vite with hot reload on :5173
// (it proxies /api and /c to :3000). Open http://localhost:5173/app.
import { spawn } from "node:child_process";

const children = [
  spawn("pnpm", ["exec", "tsx", "watch", "server/src/main.ts", "serve"], { stdio: "inherit" }),
  spawn("pnpm", ["--filter", "@sieve/web", "dev"], { stdio: "inherit" }),
];
const stop = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children) c.on("exit", (code) => { stop(); process.exitCode = code ?? 0; });
