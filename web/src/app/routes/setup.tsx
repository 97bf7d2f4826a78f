import { Show, createSignal } from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import { api, hasCode } from "../lib/api-client";
import { createMutation } from "../lib/mutation";
import { passwordProblem } from "../lib/password-rule";
import { NewPasswordField } from "../components/new-password-field";
import { usePageTitle } from "../lib/page-title";
import { AuthLayout } from "../components/auth-layout";
import { TextField } from "../components/text-field";
import { FormError } from "../components/notice";

export function SetupPage() {
  usePageTitle(() => "Set up");
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [workspaceName, setWorkspaceName] = createSignal("");
  const setup = createMutation(api.setup.complete);
  const [localError, setLocalError] = createSignal<Error>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const problem = passwordProblem(password());
    setLocalError(problem ? new Error(problem) : undefined);
    if (problem) return;
    const result = await setup.run({
      token: params.token,
      name: name().trim(),
      email: email().trim(),
      password: password(),
      workspaceName: workspaceName().trim(),
    });
    if (result.ok) navigate("/app", { replace: true });
  }

  const error = () => {
    const caught = localError() ?? setup.error();
    if (hasCode(caught, "setup_token_invalid"))
      return new Error("This setup link is not valid. Use the exact link printed in the server log.");
    if (hasCode(caught, "setup_done"))
      return new Error("Sieve is already set up. Sign in instead.");
    return caught;
  };

  return (
    <AuthLayout
      title="Set up Sieve"
      lead={<p class="lead">Create the first account and your team’s workspace. You can invite others afterwards.</p>}
    >
      <form class="stack" onSubmit={submit}>
        <TextField
          label="Your name"
          name="name"
          autocomplete="name"
          required
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autocomplete="username"
          required
          value={email()}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <NewPasswordField label="Password" value={password()} onValue={setPassword} />
        <TextField
          label="Workspace name"
          name="workspaceName"
          autocomplete="organization"
          required
          hint="Usually your team or company, e.g. “Acme Research”."
          value={workspaceName()}
          onInput={(event) => setWorkspaceName(event.currentTarget.value)}
        />
        <FormError error={error()} />
        <button type="submit" class="button button-primary button-block" disabled={setup.pending()}>
          {setup.pending() ? "Setting up…" : "Create account and workspace"}
        </button>
        <Show when={hasCode(setup.error(), "setup_done")}>
          <a href="/login">Go to sign in</a>
        </Show>
      </form>
    </AuthLayout>
  );
}
