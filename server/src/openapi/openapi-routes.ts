import { Hono } from "hono";
import { html, raw } from "hono/html";
import type { AppDeps, AppEnv } from "../app-env.js";
import { buildOpenApiDocument } from "./openapi-document.js";
import { routeDocs } from "./route-docs.js";

export function openApiRoutes(deps: AppDeps) {
  let cached: ReturnType<typeof buildOpenApiDocument> | null = null;
  const document = () => (cached ??= buildOpenApiDocument(deps.config.publicUrl));
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) => c.json(document()))
    .get("/docs", (c) => {
      const tags = [...new Set(routeDocs.map((d) => d.tag))];
      return c.html(html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Sieve API reference</title>
            <link rel="stylesheet" href="/api/docs.css" />
          </head>
          <body>
            <main>
              <h1>Sieve API reference</h1>
              <p>${document().info.description}</p>
              <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
              ${tags.map(
                (tag) => html`<section>
                  <h2>${tag}</h2>
                  <table>
                    <thead><tr><th>Method</th><th>Path</th><th>Access</th><th>What it does</th></tr></thead>
                    <tbody>
                      ${routeDocs
                        .filter((d) => d.tag === tag)
                        .map(
                          (d) => html`<tr>
                            <td><code class="m-${d.method}">${d.method.toUpperCase()}</code></td>
                            <td><code>${d.path}</code></td>
                            <td>${d.access}</td>
                            <td>${d.summary}</td>
                          </tr>`,
                        )}
                    </tbody>
                  </table>
                </section>`,
              )}
            </main>
          </body>
        </html>`);
    })
    .get("/docs.css", (c) => {
      c.header("Content-Type", "text/css; charset=utf-8");
      c.header("Cache-Control", "public, max-age=3600");
      return c.body(raw(DOCS_CSS).toString());
    });
}

const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}
main{max-width:1100px;margin:0 auto;padding:2rem 1rem}h1{margin-top:0}
table{width:100%;border-collapse:collapse;background:#fff;margin-bottom:2rem}
th,td{text-align:left;padding:.5rem .75rem;border-bottom:1px solid #e3e6eb;vertical-align:top}
code{font:13px ui-monospace,monospace}.m-get{color:#1a7f37}.m-post{color:#0b5cad}.m-put,.m-patch{color:#9a6700}.m-delete{color:#cf222e}`;
