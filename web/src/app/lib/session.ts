import { createContext, useContext, type Accessor } from "solid-js";
import type { Me, Role } from "./api-types";

export interface Session {
  me: Accessor<Me>;
  /** Changes when the current workspace changes; key workspace-scoped resources on it. */
  workspaceId: Accessor<string>;
  role: Accessor<Role>;
  switchWorkspace(workspaceId: string): Promise<void>;
  /** Re-reads /api/auth/me (e.g. after the user's own role changed). */
  refresh(): Promise<void>;
  createWorkspace(name: string): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session>();

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside the /app shell");
  return session;
}
