import { Show, createResource, createSignal } from "solid-js";
import { api } from "../lib/api-client";
import type { ApiToken } from "../lib/api-types";
import { createMutation } from "../lib/mutation";
import { usePageTitle } from "../lib/page-title";
import { AsyncView } from "../components/async-view";
import { ConfirmDialog } from "../components/confirm-dialog";
import { EmptyState } from "../components/empty-state";
import { LiveStatus } from "../components/notice";
import { TokenCreateForm } from "../components/token-create-form";
import { TokenList } from "../components/token-list";

export function TokensPage() {
  usePageTitle(() => "API tokens");
  // Tokens belong to the user, not the workspace, so no workspace key here.
  const [tokens, { mutate, refetch }] = createResource(async () => (await api.tokens.list()).tokens);
  const [created, setCreated] = createSignal<{ name: string; secret: string }>();
  const [revoking, setRevoking] = createSignal<ApiToken>();
  const [status, setStatus] = createSignal("");
  const create = createMutation(api.tokens.create);
  const revoke = createMutation(api.tokens.revoke);

  async function createToken(name: string): Promise<boolean> {
    setCreated(undefined);
    const result = await create.run(name);
    if (!result.ok) return false;
    const { token, secret } = result.value;
    setCreated({ name: token.name, secret });
    mutate((current) => [token, ...(current ?? [])]);
    return true;
  }

  async function confirmRevoke(token: ApiToken) {
    const result = await revoke.run(token.id);
    if (!result.ok) return;
    setRevoking(undefined);
    mutate((current) => current?.filter((t) => t.id !== token.id));
    setStatus(`Token “${token.name}” revoked.`);
  }

  return (
    <>
      <div class="page-header">
        <div>
          <h1>API tokens</h1>
          <p class="muted">Personal tokens act as you, in every workspace you belong to. Keep them secret.</p>
        </div>
      </div>
      <LiveStatus>{status()}</LiveStatus>
      <section class="section card" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">Create a token</h2>
        <TokenCreateForm
          pending={create.pending()}
          error={create.error()}
          created={created()}
          onCreate={createToken}
          onDismissSecret={() => setCreated(undefined)}
        />
      </section>
      <section class="section" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        <AsyncView resource={tokens} loadingLabel="Loading tokens…" onRetry={refetch}>
          {(list) => (
            <Show
              when={list().length > 0}
              fallback={
                <EmptyState title="No tokens yet">
                  <p>Create one to use the Sieve API from scripts or other tools.</p>
                </EmptyState>
              }
            >
              <TokenList
                tokens={list()}
                busyId={revoke.pending() ? (revoking()?.id ?? null) : null}
                onRevoke={(token) => {
                  revoke.clearError();
                  setRevoking(token);
                }}
              />
            </Show>
          )}
        </AsyncView>
      </section>
      <ConfirmDialog
        open={revoking() !== undefined}
        title="Revoke token?"
        confirmLabel="Revoke token"
        danger
        pending={revoke.pending()}
        error={revoke.error()}
        onConfirm={() => {
          const token = revoking();
          if (token) void confirmRevoke(token);
        }}
        onCancel={() => setRevoking(undefined)}
      >
        <p>Anything using “{revoking()?.name}” will stop working immediately.</p>
      </ConfirmDialog>
    </>
  );
}
