// The /app/* frame: loads the session once, sends signed-out visitors to /login
// (or explains first-run setup), and provides the session to every page below.
import { Match, Show, Switch, createEffect, createResource, createSignal, type Accessor } from "solid-js";
import { useLocation, useMatch, useNavigate, type RouteSectionProps } from "@solidjs/router";
import { ApiError, api } from "../lib/api-client";
import type { Me } from "../lib/api-types";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { SessionContext, type Session } from "../lib/session";
import { AppHeader } from "../components/app-header";
import { NewWorkspaceDialog } from "../components/new-workspace-dialog";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { Loading } from "../components/loading";
import { AuthLayout } from "../components/auth-layout";

type SessionState = { kind: "signed-in"; me: Me } | { kind: "signed-out" } | { kind: "setup-needed" };

async function loadSession(): Promise<SessionState> {
  try {
    return { kind: "signed-in", me: await api.auth.me() };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    const setup = await api.setup.status();
    return setup.needed ? { kind: "setup-needed" } : { kind: "signed-out" };
  }
}

export function AppShell(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const [state, { mutate, refetch }] = createResource(loadSession);

  createEffect(() => {
    if (latestOf(state)?.kind !== "signed-out") return;
    const next = location.pathname + location.search;
    navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
  });

  const me = () => {
    const current = latestOf(state);
    return current?.kind === "signed-in" ? current.me : undefined;
  };

  return (
    <Switch fallback={<Loading label="Loading Sieve…" />}>
      <Match when={state.error as unknown}>
        {(error) => (
          <main class="page">
            <ErrorNotice title="Sieve could not load" error={error()} onRetry={refetch} />
          </main>
        )}
      </Match>
      <Match when={latestOf(state)?.kind === "setup-needed"}>
        <SetupNeeded />
      </Match>
      <Match when={me()}>
        {(current) => (
          <SignedIn
            me={current}
            onMe={(next) => mutate({ kind: "signed-in", me: next })}
            onSignedOut={() => navigate("/login", { replace: true })}
            reload={refetch}
          >
            {props.children}
          </SignedIn>
        )}
      </Match>
    </Switch>
  );
}

function SignedIn(props: {
  me: Accessor<Me>;
  onMe: (me: Me) => void;
  onSignedOut: () => void;
  reload: () => void;
  children: RouteSectionProps["children"];
}) {
  const navigate = useNavigate();
  const onSurveyPage = useMatch(() => "/app/surveys/:id/*");
  const [announcement, setAnnouncement] = createSignal("");
  const [newWorkspaceOpen, setNewWorkspaceOpen] = createSignal(false);
  const switching = createMutation(api.auth.switchWorkspace);
  const creating = createMutation(api.workspaces.create);
  const signingOut = createMutation(api.auth.logout);

  // A survey belongs to one workspace; after switching, its page would be a 404.
  const leaveWorkspaceScopedPage = () => {
    if (onSurveyPage()) navigate("/app");
  };

  const session: Session = {
    me: props.me,
    workspaceId: () => props.me().workspace.id,
    role: () => props.me().workspace.role,
    async switchWorkspace(workspaceId) {
      if (workspaceId === props.me().workspace.id) return;
      const result = await switching.run(workspaceId);
      if (!result.ok) return;
      props.onMe(result.value);
      leaveWorkspaceScopedPage();
      setAnnouncement(`Switched to ${result.value.workspace.name}.`);
    },
    async refresh() {
      const me = await api.auth.me().catch(() => undefined);
      if (me) props.onMe(me);
      else props.reload();
    },
    async createWorkspace(name) {
      const result = await creating.run(name);
      if (!result.ok) return;
      setNewWorkspaceOpen(false);
      await session.refresh();
      leaveWorkspaceScopedPage();
      setAnnouncement(`Created ${result.value.workspace.name}.`);
    },
    async signOut() {
      const result = await signingOut.run();
      if (result.ok) props.onSignedOut();
    },
  };

  return (
    <SessionContext.Provider value={session}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader
        me={props.me()}
        switching={switching.pending()}
        onSwitchWorkspace={(id) => void session.switchWorkspace(id)}
        onNewWorkspace={() => {
          creating.clearError();
          setNewWorkspaceOpen(true);
        }}
        onSignOut={() => void session.signOut()}
      />
      <LiveStatus class="visually-hidden">{announcement()}</LiveStatus>
      <Show when={switching.error() || signingOut.error()}>
        <div class="banner-slot">
          <Show when={switching.error()}>
            <ErrorNotice title="Could not switch workspace" error={switching.error()} />
          </Show>
          <Show when={signingOut.error()}>
            <ErrorNotice title="Could not sign out" error={signingOut.error()} />
          </Show>
        </div>
      </Show>
      <main id="main" class="page" tabIndex={-1}>
        {props.children}
      </main>
      <NewWorkspaceDialog
        open={newWorkspaceOpen()}
        pending={creating.pending()}
        error={creating.error()}
        onCreate={(name) => void session.createWorkspace(name)}
        onClose={() => setNewWorkspaceOpen(false)}
      />
    </SessionContext.Provider>
  );
}

function SetupNeeded() {
  return (
    <AuthLayout title="Finish setting up Sieve">
      <p>This Sieve server has no accounts yet.</p>
      <p>
        When the server started, it printed a one-time <strong>setup link</strong> in its log, like{" "}
        <code>/setup/…</code>. Open that link to create the first account and workspace. Only someone with access to
        the server log can claim this instance.
      </p>
      <p class="muted">Can’t find it? Restart the server and look for “setup” in its output.</p>
    </AuthLayout>
  );
}
