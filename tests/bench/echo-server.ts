// The baseline for throughput ratios: a bare Hono JSON echo on Node's HTTP server.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono().put("/echo/:id", async (c) => c.json({ id: c.req.param("id"), body: await c.req.json() }));
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(JSON.stringify({ msg: "listening", port: info.port }) + "\n");
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
