import { Show, createResource, createSignal } from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import { ApiError, api } from "../lib/api-client";
import { roleLabels } from "../lib/format";
import { createMutation } from "../lib/mutation";
import { passwordProblem } from "../lib/password-rule";
import { NewPasswordField } from "../components/new-password-field";
import { usePageTitle } from "../lib/page-title";
import { AuthLayout } from "../components/auth-layout";
import { AsyncView } from "../components/async-view";
import { TextField } from "../components/text-field";
import { FormError } from "../components/notice";

export function JoinPage() {
  usePageTitle(() => "Join a workspace");
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const [invite, { refetch }] = createResource(() => params.token, api.invites.get);
  const [name, setName] = createSignal("");
  const [password, setPassword] = createSignal("");
  const accept = createMutation(api.invites.accept);
  const [localError, setLocalError] = createSignal<Error>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const problem = passwordProblem(password());
    setLocalError(problem ? new Error(problem) : undefined);
    if (problem) return;
    const result = await accept.run(params.token, { name: name().trim(), password: password() });
    if (result.ok) navigate("/app", { replace: true });
  }

  const invalidLink = () => invite.error instanceof ApiError && [404, 410].includes(invite.error.status);

  return (
    <Show
      when={!invalidLink()}
      fallback={
        <AuthLayout title="This invite link doesn’t work">
          <p>It may have expired, been revoked or already been used. Ask a workspace owner for a new invite.</p>
          <p>
            <a href="/login">Sign in</a> if you already have an account.
          </p>
        </AuthLayout>
      }
    >
      <AuthLayout title="Join a workspace">
        <AsyncView resource={invite} loadingLabel="Checking your invite…" onRetry={refetch}>
          {(info) => (
            <>
              <p class="lead">
                You’ve been invited to <strong>{info().workspaceName}</strong> as {article(info().role)}{" "}
                <strong>{roleLabels[info().role].toLowerCase()}</strong>.
              </p>
              <form class="stack" onSubmit={submit}>
                <TextField label="Email" type="email" autocomplete="username" value={info().email} readOnly />
                <TextField
                  label="Your name"
                  name="name"
                  autocomplete="name"
                  required
                  value={name()}
                  onInput={(event) => setName(event.currentTarget.value)}
                />
                <NewPasswordField label="Choose a password" value={password()} onValue={setPassword} />
                <FormError error={localError() ?? accept.error()} />
                <button type="submit" class="button button-primary button-block" disabled={accept.pending()}>
                  {accept.pending() ? "Joining…" : `Join ${info().workspaceName}`}
                </button>
              </form>
            </>
          )}
        </AsyncView>
      </AuthLayout>
    </Show>
  );
}

function article(role: string): string {
  return /^[aeiou]/i.test(role) ? "an" : "a";
}
