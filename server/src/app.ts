/**
 * createApp(deps) assembles Sieve's HTTP surface from feature routes. It does no I/O
 * itself: main.ts (or a test) builds the dependencies and hands them in, so the same
 * app runs on a file database in production and an in-memory one in tests.
 *
 * Order matters: request id and security headers wrap everything; a URL holding a NUL
 * character (which Postgres cannot store) is refused before any route; a body declared over the limit is
 * refused before any route (one sent chunked, as it is read: lib/request-body.ts); the client key, session/token and CSRF checks run
 * before any /api route.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "./app-env.js";
import { createErrorHandler, errorBody } from "./errors.js";
import { rejectUnstorableUrl } from "./lib/storable-text.js";
import { bodyLimit, MAX_BODY_BYTES } from "./lib/request-body.js";
import { requestContext, securityHeaders } from "./ops/request-context.js";
import { authenticate, clientKeyMiddleware, csrfGuard } from "./auth/auth-middleware.js";
import { authRoutes } from "./auth/auth-routes.js";
import { workspaceRoutes } from "./workspaces/workspace-routes.js";
import { surveyRoutes } from "./surveys/survey-routes.js";
import { channelRoutes } from "./channels/channel-routes.js";
import { templateRoutes } from "./templates/template-routes.js";
import { publicSurveyRoutes } from "./public/public-survey-routes.js";
import { resultsRoutes } from "./analytics/results-routes.js";
import { responsesRoutes } from "./analytics/responses-routes.js";
import { liveRoutes } from "./analytics/live-routes.js";
import { healthRoutes } from "./ops/health-routes.js";
import { openApiRoutes } from "./openapi/openapi-routes.js";
import { webRoutes } from "./web/web-routes.js";
import { respondentRoutes } from "./respondents/respondent-routes.js";
import { invitationRoutes } from "./invitations/invitation-routes.js";
import { slotRoutes } from "./slots/slot-routes.js";
import { bookingRoutes } from "./bookings/booking-routes.js";
import { outboxRoutes } from "./mail/outbox-routes.js";
import { privacyRoutes } from "./privacy/privacy-routes.js";
import { createPublicWriter } from "./public/public-writer.js";

export { MAX_BODY_BYTES };

export function createApp(appDeps: AppDeps) {
  // One writer (and its caches) for every route that writes on the public side.
  const deps: AppDeps = { ...appDeps, publicWriter: appDeps.publicWriter ?? createPublicWriter(appDeps) };
  const api = new Hono<AppEnv>()
    .use(clientKeyMiddleware(deps))
    .use(csrfGuard(deps))
    .use(authenticate(deps))
    .route("/", authRoutes(deps))
    .route("/", workspaceRoutes(deps))
    .route("/", surveyRoutes(deps))
    .route("/", channelRoutes(deps))
    .route("/", templateRoutes(deps))
    .route("/", publicSurveyRoutes(deps))
    .route("/", resultsRoutes(deps))
    .route("/", responsesRoutes(deps))
    .route("/", liveRoutes(deps))
    .route("/", respondentRoutes(deps))
    .route("/", invitationRoutes(deps))
    .route("/", slotRoutes(deps))
    .route("/", bookingRoutes(deps))
    .route("/", outboxRoutes(deps))
    .route("/", privacyRoutes(deps))
    .route("/", openApiRoutes(deps));

  const app = new Hono<AppEnv>()
    .use(requestContext(deps.logger))
    .use(securityHeaders)
    .use(rejectUnstorableUrl)
    .use(bodyLimit)
    .route("/", healthRoutes(deps))
    .route("/api", api)
    .route("/", webRoutes(deps));

  app.notFound((c) =>
    c.req.path.startsWith("/api/") || c.req.path === "/api"
      ? c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`), 404)
      : c.html("<!doctype html><title>Not found</title><p>Page not found. <a href=\"/app\">Go to Sieve</a></p>", 404),
  );
  app.onError(createErrorHandler(deps.logger));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
