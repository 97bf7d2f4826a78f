import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, type UserConfig } from "vite";
import solid from "vite-plugin-solid";

// Two pages, one build: the researcher app (index.html) and the respondent page
// (respond.html). The server maps URLs to them; in dev this plugin does the same
// for /s/:slug so both pages work behind Vite's SPA fallback.
const respondentPageInDev: Plugin = {
  name: "sieve-respondent-page",
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const page = req.url && /^\/([sb])\/[^/?#]+\/?(?:[?#].*)?$/.exec(req.url);
      if (req.url && page) {
        const query = req.url.indexOf("?");
        req.url = (page[1] === "s" ? "/respond.html" : "/book.html") + (query >= 0 ? req.url.slice(query) : "");
      }
      next();
    });
  },
};

const api = "http://localhost:3000";

// Two separate builds into one dist/: the respondent page must never share a chunk with
// the researcher app (whose builder preview reuses the respondent's question components),
// so its bundle holds exactly what a respondent downloads. `vite build` builds the app,
// `vite build --mode respond` the respondent page and `--mode book` the interview booking page
// (web's `build` script runs all three).
export default defineConfig(({ mode }): UserConfig => {
  const respond = mode === "respond";
  const book = mode === "book";
  return {
    plugins: [solid(), respondentPageInDev],
    base: "/",
    build: {
      outDir: "dist",
      assetsDir: "assets",
      // The app build runs first and empties dist/; the respondent build adds to it.
      emptyOutDir: !respond && !book,
      target: "es2022",
      // Browsers without modulepreload simply fetch the chunk on import; no polyfill chunk needed.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: fileURLToPath(new URL(respond ? "./respond.html" : book ? "./book.html" : "./index.html", import.meta.url)),
        onwarn(warning, warn) {
          // zod ships comments that Rollup cannot place as annotations; harmless, and not ours.
          if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/")) return;
          warn(warning);
        },
      },
    },
    server: {
      port: 5173,
      strictPort: true,
      proxy: {
        "/api": api,
        "^/c/": api,
        "/healthz": api,
      },
    },
  };
});
