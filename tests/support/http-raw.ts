/**
 * HTTP below fetch: node:http for what fetch hides (a chunked body of a chosen size, the
 * local address a request leaves from — every 127.x.y.z is loopback on Linux, so one
 * machine can be many "clients") and raw sockets for requests no client library would send.
 */
import { request } from "node:http";
import { connect } from "node:net";

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

export type RawRequest = {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as one piece with Content-Length, or chunk by chunk when `chunked`. */
  body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked in pieces of this many bytes. */
  chunked?: number;
  localAddress?: string;
  timeoutMs?: number;
};

/**
 * One request, on a connection of its own. An event stream resolves at its headers. If the server answers before the whole body is sent (a 413 mid-upload) and
 * then closes the connection, the answer is what counts, not the write error.
 */
export function httpRequest(url: string, o: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const headers: Record<string, string> = { ...o.headers };
    const body = typeof o.body === "string" ? Buffer.from(o.body) : o.body;
    if (body && !o.chunked) headers["content-length"] = String(body.length);
    if (o.chunked) headers["transfer-encoding"] = "chunked";
    let answered = false;
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: o.method ?? "GET", headers, localAddress: o.localAddress, agent: false },
      (res) => {
        answered = true;
        // An event stream never ends: its status and headers are the answer.
        if (String(res.headers["content-type"] ?? "").includes("text/event-stream")) {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: "" });
          req.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") });
          if (!req.writableEnded) req.destroy();
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(o.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout: ${o.method ?? "GET"} ${url}`)));
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    if (!body) {
      req.end();
      return;
    }
    // Piece by piece, yielding between pieces: once the server has answered (say 413 after
    // the first MiB) the rest is not sent, so a server that then closes the connection
    // cannot turn its own answer into a client-side EPIPE.
    const size = o.chunked ?? 64 * 1024;
    let offset = 0;
    const pump = () => {
      if (answered || req.destroyed) return;
      if (offset >= body.length) {
        req.end();
        return;
      }
      const piece = body.subarray(offset, offset + size);
      offset += piece.length;
      const wrote = req.write(piece);
      if (wrote) setTimeout(pump, 1);
      else req.once("drain", () => setTimeout(pump, 1));
    };
    pump();
  });
}

/**
 * Write raw bytes to a socket and collect whatever comes back until the server closes
 * the connection or `idleMs` passes without data.
 */
export function rawExchange(host: string, port: number, bytes: string | Buffer, idleMs = 1500): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, idleMs);
    };
    socket.on("connect", () => {
      socket.write(bytes);
      arm();
    });
    socket.on("data", (d: Buffer) => {
      chunks.push(d);
      arm();
    });
    socket.on("error", finish);
    socket.on("close", finish);
  });
}
