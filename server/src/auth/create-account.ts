import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { Clock, IdGenerator } from "../ops/clock.js";
import { insertUser, type User } from "./auth-repository.js";
import { addMembership, insertWorkspace } from "../workspaces/workspace-repository.js";

/** A new user who owns a new workspace — first-run setup and `sieve user:create` share this. */
export async function createAccountWithWorkspace(
  db: Kysely<Database>,
  deps: { ids: IdGenerator; clock: Clock },
  a: { email: string; name: string; passwordHash: string; workspaceName: string },
): Promise<{ user: User; workspace: { id: string; name: string; role: "owner" } }> {
  const now = deps.clock.now();
  const user = await insertUser(db, { id: deps.ids.newId(), email: a.email, name: a.name, passwordHash: a.passwordHash, now });
  const workspace = { id: deps.ids.newId(), name: a.workspaceName.trim(), role: "owner" as const };
  await insertWorkspace(db, { id: workspace.id, name: workspace.name, now });
  await addMembership(db, { workspaceId: workspace.id, userId: user.id, role: "owner", now });
  return { user, workspace };
}
