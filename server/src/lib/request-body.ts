/**
 * Request bodies, capped at MAX_BODY_BYTES.
 *
 * @hono/node-server hands routes a lightweight Request that builds a real one (a web
 * ReadableStream over the socket, an AbortController) only when something touches its body.
 * Hono's own bodyLimit touches it on every request, which cost more CPU than a public
 * save's answers. Here a declared Content-Length is checked from the headers alone, and a
 * body is read straight from Node's IncomingMessage, counting bytes as they arrive, so a
 * chunked body that never declared its size is refused the moment it passes the cap.
 * Under `app.request()` (tests) there is no socket and the Request's own stream is read.
 */
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { AppError, errorBody } from "../errors.js";

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () => new AppError(413, "payload_too_large", "The request body is larger than 1 MiB");

/** Refuse a body whose declared size is over the cap before any route runs. */
export const bodyLimit: MiddlewareHandler = async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  const length = c.req.header("content-length");
  if (length !== undefined && c.req.header("transfer-encoding") === undefined && Number(length) > MAX_BODY_BYTES) {
    return c.json(errorBody("payload_too_large", "The request body is larger than 1 MiB"), 413);
  }
  return next();
};

function readIncoming(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        cleanup();
        // Stop reading; node-server drains or closes the socket once the 413 is sent.
        incoming.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new AppError(400, "invalid_body", `The request body could not be read: ${error.message}`));
    };
    const cleanup = () => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", onError);
      incoming.off("aborted", onAborted);
    };
    const onAborted = () => onError(new Error("the client went away"));
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", onError);
    incoming.on("aborted", onAborted);
  });
}

async function readStream(body: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The body as UTF-8 text (a leading byte-order mark dropped, as fetch's `text()` does); 413 past the cap. */
export async function readBodyText(c: Context): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const bytes = incoming ? await readIncoming(incoming) : await readStream(c.req.raw.body);
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
