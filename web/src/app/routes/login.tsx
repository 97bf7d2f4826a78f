import { createSignal } from "solid-js";
import { useNavigate, useSearchParams } from "@solidjs/router";
import { ApiError, api } from "../lib/api-client";
import { createMutation } from "../lib/mutation";
import { safeNext } from "../lib/safe-next";
import { usePageTitle } from "../lib/page-title";
import { AuthLayout } from "../components/auth-layout";
import { TextField } from "../components/text-field";
import { FormError } from "../components/notice";

export function LoginPage() {
  usePageTitle(() => "Sign in");
  const [params] = useSearchParams<{ next?: string }>();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const login = createMutation(api.auth.login);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const result = await login.run({ email: email().trim(), password: password() });
    if (result.ok) navigate(safeNext(params.next), { replace: true });
  }

  const error = () => {
    const caught = login.error();
    if (!(caught instanceof ApiError)) return caught;
    if (caught.code === "invalid_credentials") return new Error("That email and password don’t match an account.");
    if (caught.code === "too_many_attempts") return new Error(tooManyAttempts(caught.details));
    return caught;
  };

  return (
    <AuthLayout title="Sign in">
      <form class="stack" onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autocomplete="username"
          required
          value={email()}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autocomplete="current-password"
          required
          value={password()}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <FormError error={error()} />
        <button type="submit" class="button button-primary button-block" disabled={login.pending()}>
          {login.pending() ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthLayout>
  );
}

function tooManyAttempts(details: unknown): string {
  const seconds =
    typeof details === "object" && details !== null && "retryAfterSeconds" in details
      ? Number(details.retryAfterSeconds)
      : Number.NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return "Too many attempts. Wait a moment and try again.";
  const minutes = Math.ceil(seconds / 60);
  return seconds < 90
    ? `Too many attempts. Try again in ${Math.ceil(seconds)} seconds.`
    : `Too many attempts. Try again in ${minutes} minutes.`;
}
