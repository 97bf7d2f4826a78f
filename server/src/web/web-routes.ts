/**
 * Serves the built web app (web/dist): hashed assets with long caching, and the two
 * HTML entries — the researcher app for /, /app/*, /login, /setup/*, /join/*, and the
 * tiny respondent page for /s/:slug. Tracked links /c/:code redirect to their survey.
 */
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { Hono, type Context } from "hono";
import { createPublicWriter } from "../public/public-writer.js";
import type { AppDeps, AppEnv } from "../app-env.js";
import { findChannelByCode } from "../channels/channel-repository.js";
import { findSurveySlugById } from "./web-repository.js";
import { closeIfDue, createVersionCache, findLiveSurvey } from "../public/public-survey-repository.js";
import { requestOrigin } from "../auth/session-cookie.js";
import { renderSurveyPage } from "./survey-page.js";
import { createCardCache } from "../og/card-cache.js";
import { renderSurveyCard } from "../og/render-card.js";
import { unsubscribeRoutes } from "../mail/unsubscribe-routes.js";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

export function webRoutes(deps: AppDeps) {
  const dist = deps.webDist;
  const versionOf = createVersionCache(100);
  const cards = createCardCache(200);
  const writer = deps.publicWriter ?? createPublicWriter(deps);
  const cache = new Map<string, Promise<string | null>>();
  const html = (file: string) => {
    let p = cache.get(file);
    if (!p) {
      p = dist ? readFile(join(dist, file), "utf8").catch(() => null) : Promise.resolve(null);
      cache.set(file, p);
    }
    return p;
  };
  const page = async (c: Context<AppEnv>, file: string) => {
    const body = await html(file);
    if (body === null) {
      return c.text("The web app is not built. Run `pnpm build` (or `pnpm start`, which builds it).", 503);
    }
    c.header("Cache-Control", "no-cache");
    return c.html(body);
  };

  return new Hono<AppEnv>()
    .get("/assets/*", async (c) => {
      if (!dist) return c.notFound();
      let decoded: string;
      try {
        decoded = decodeURIComponent(new URL(c.req.url).pathname);
      } catch {
        return c.notFound(); // a malformed escape such as %E0%A4%A names no file
      }
      const rel = normalize(decoded).replace(/^[/\\]+/, "");
      const root = join(dist, "assets") + sep;
      const full = join(dist, rel);
      if (!full.startsWith(root)) return c.notFound();
      try {
        const body = await readFile(full);
        c.header("Content-Type", TYPES[extname(full)] ?? "application/octet-stream");
        c.header("Cache-Control", "public, max-age=31536000, immutable");
        return c.body(body);
      } catch {
        return c.notFound();
      }
    })
    .get("/c/:code", async (c) => {
      const channel = await findChannelByCode(deps.db, c.req.param("code").toLowerCase());
      if (!channel) return c.html("<!doctype html><title>Link not found</title><p>This link does not exist.</p>", 404);
      const slug = await findSurveySlugById(deps.db, channel.surveyId);
      if (!slug) return c.html("<!doctype html><title>Link not found</title><p>This link does not exist.</p>", 404);
      await writer.count({ surveyId: channel.surveyId, channelId: channel.id, step: "clicks", now: deps.clock.now().toISOString() });
      const target = new URL(`/s/${slug}`, "http://x");
      target.searchParams.set("c", channel.code);
      for (const [k, v] of new URL(c.req.url).searchParams) if (k.startsWith("utm_")) target.searchParams.set(k, v);
      c.header("Cache-Control", "no-store");
      return c.redirect(target.pathname + target.search, 302);
    })
    .get("/s/:slug/card.png", async (c) => {
      const survey = await findLiveSurvey(deps.db, c.req.param("slug").toLowerCase());
      const definition = survey && (await versionOf(deps.db, survey.id, survey.version));
      if (!survey || !definition) return c.notFound();
      const { language } = definition.settings;
      const png = await cards({ surveyId: survey.id, version: survey.version, language }, () =>
        renderSurveyCard({
          title: definition.settings.linkPreview.title || definition.title,
          description: definition.settings.linkPreview.description || definition.description,
          estimatedMinutes: definition.estimatedMinutes,
          siteName: new URL(requestOrigin(c, deps.config)).host,
          language,
        }),
      );
      c.header("Content-Type", "image/png");
      // The URL carries the version (?v=), so a new publish gets a new card.
      c.header("Cache-Control", "public, max-age=3600");
      return c.body(new Uint8Array(png));
    })
    .get("/s/:slug", async (c) => {
      const template = await html("respond.html");
      if (template === null) return page(c, "respond.html");
      c.header("Cache-Control", "no-cache");
      const survey = await findLiveSurvey(deps.db, c.req.param("slug").toLowerCase());
      const definition = survey && (await versionOf(deps.db, survey.id, survey.version));
      // The respondent app renders not-found and closed screens itself; the status tells crawlers.
      if (!survey || !definition) return c.html(template, 404);
      const closed = await closeIfDue(deps.db, survey, definition, deps.clock.now());
      const origin = requestOrigin(c, deps.config);
      const preview = definition.settings.linkPreview;
      const body = renderSurveyPage(template, {
        title: preview.title || definition.title,
        description: preview.description || definition.description || `A ${definition.estimatedMinutes}-minute survey`,
        url: `${origin}/s/${survey.slug}`,
        imageUrl: `${origin}/s/${survey.slug}/card.png?v=${survey.version}`,
        language: definition.settings.language,
      });
      return c.html(body, closed ? 410 : 200);
    })
    .get("/", (c) => c.redirect("/app", 302))
    .get("/app", (c) => page(c, "index.html"))
    .get("/app/*", (c) => page(c, "index.html"))
    .get("/login", (c) => page(c, "index.html"))
    .get("/setup/:token", (c) => page(c, "index.html"))
    .get("/join/:token", (c) => page(c, "index.html"))
    .get("/r/:token", (c) => {
      c.header("X-Robots-Tag", "noindex");
      return page(c, "index.html");
    })
    // The booking page: the respondent page's shell for now; it calls /api/public/bookings/:token.
    .get("/b/:token", (c) => {
      c.header("X-Robots-Tag", "noindex");
      return page(c, "book.html");
    })
    .route("/", unsubscribeRoutes(deps));
}
