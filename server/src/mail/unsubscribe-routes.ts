/**
 * `/u/:token` — the unsubscribe link in every email's footer and List-Unsubscribe header.
 * One click (GET) or the mail client's RFC 8058 one-click POST stops all mail to that
 * address in the workspace at once, including anything still queued.
 */
import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../app-env.js";
import { hashToken } from "../auth/secrets.js";
import { writeTransaction } from "../db/transactions.js";
import { recordAudit } from "../privacy/audit-repository.js";
import { findByUnsubscribeToken, suppressAddress } from "./outbox-repository.js";

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const page = (title: string, message: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p></main></body></html>`;

export function unsubscribeRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;

  const unsubscribe = async (c: Context<AppEnv>): Promise<boolean> => {
    const token = c.req.param("token") ?? "";
    if (!TOKEN.test(token)) return false;
    const found = await findByUnsubscribeToken(db, hashToken(token));
    if (!found) return false;
    const now = clock.now();
    await writeTransaction(db, async (trx) => {
      // A repeated click (or a link scanner) changes nothing and logs nothing new.
      if (!(await suppressAddress(trx, found.workspace_id, found.to_address, found.respondent_id, now))) return;
      await recordAudit(trx, {
        id: ids.newId(),
        workspaceId: found.workspace_id,
        actorUserId: null,
        action: "respondent.unsubscribe",
        subjectId: found.respondent_id,
        now,
      });
    });
    return true;
  };

  return new Hono<AppEnv>()
    .get("/u/:token", async (c) => {
      c.header("Cache-Control", "no-store");
      c.header("X-Robots-Tag", "noindex");
      if (!(await unsubscribe(c))) return c.html(page("Link not found", "This unsubscribe link is not valid."), 404);
      return c.html(page("You are unsubscribed", "You will not get any more email from this research team."));
    })
    .post("/u/:token", async (c) => {
      c.header("Cache-Control", "no-store");
      if (!(await unsubscribe(c))) return c.text("Unknown unsubscribe link", 404);
      return c.text("Unsubscribed");
    });
}
