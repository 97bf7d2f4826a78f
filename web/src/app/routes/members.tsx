import { Show, createResource, createSignal } from "solid-js";
import { api, hasCode } from "../lib/api-client";
import type { AddMemberResult, Member, PendingInvite, Role } from "../lib/api-types";
import { createMutation } from "../lib/mutation";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { AsyncView } from "../components/async-view";
import { ConfirmDialog } from "../components/confirm-dialog";
import { InviteForm } from "../components/invite-form";
import { MembersTable } from "../components/members-table";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { PendingInvites } from "../components/pending-invites";

export function MembersPage() {
  usePageTitle(() => "Members");
  const session = useSession();
  const isOwner = () => session.role() === "owner";
  const [data, { mutate, refetch }] = createResource(session.workspaceId, () => api.members.list());
  const [busyUserId, setBusyUserId] = createSignal<string | null>(null);
  const [busyInviteId, setBusyInviteId] = createSignal<string | null>(null);
  const [rowError, setRowError] = createSignal<unknown>();
  const [status, setStatus] = createSignal("");
  const [removing, setRemoving] = createSignal<Member>();
  const [inviteResult, setInviteResult] = createSignal<AddMemberResult>();
  const invite = createMutation(api.members.add);
  const remove = createMutation(api.members.remove);

  const friendly = (error: unknown) =>
    hasCode(error, "last_owner")
      ? new Error("A workspace needs at least one owner. Make someone else an owner first.")
      : hasCode(error, "forbidden")
        ? new Error("Only owners can manage members.")
        : error;

  async function changeRole(member: Member, role: Role) {
    if (role === member.role) return;
    setBusyUserId(member.userId);
    setRowError(undefined);
    try {
      const { member: updated } = await api.members.setRole(member.userId, role);
      mutate((current) =>
        current && {
          ...current,
          members: current.members.map((m) => (m.userId === updated.userId ? updated : m)),
        },
      );
      setStatus(`${updated.name || updated.email} is now ${role}.`);
      if (updated.userId === session.me().user.id) await session.refresh();
    } catch (error) {
      setRowError(() => friendly(error));
      // Put the select back to the stored role.
      void refetch();
    } finally {
      setBusyUserId(null);
    }
  }

  async function confirmRemove(member: Member) {
    setBusyUserId(member.userId);
    const result = await remove.run(member.userId);
    setBusyUserId(null);
    if (!result.ok) return;
    setRemoving(undefined);
    if (member.userId === session.me().user.id) {
      // The current workspace is gone for us; a full load picks whichever is left.
      window.location.assign("/app");
      return;
    }
    mutate((current) => current && { ...current, members: current.members.filter((m) => m.userId !== member.userId) });
    setStatus(`${member.name || member.email} was removed.`);
  }

  async function revoke(pending: PendingInvite) {
    setBusyInviteId(pending.id);
    setRowError(undefined);
    try {
      await api.members.revokeInvite(pending.id);
      mutate((current) => current && { ...current, invites: current.invites.filter((i) => i.id !== pending.id) });
      setStatus(`Invite for ${pending.email} revoked.`);
    } catch (error) {
      setRowError(() => friendly(error));
    } finally {
      setBusyInviteId(null);
    }
  }

  async function sendInvite(input: { email: string; role: Role }): Promise<boolean> {
    setInviteResult(undefined);
    const result = await invite.run(input);
    if (!result.ok) return false;
    setInviteResult(result.value);
    void refetch();
    return true;
  }

  return (
    <>
      <div class="page-header">
        <div>
          <h1>Members</h1>
          <p class="muted">People who can see {session.me().workspace.name}.</p>
        </div>
      </div>
      <LiveStatus>{status()}</LiveStatus>
      <Show when={rowError()}>
        <ErrorNotice error={rowError()} />
      </Show>
      <AsyncView resource={data} loadingLabel="Loading members…" onRetry={refetch}>
        {(current) => (
          <>
            <section class="section" aria-labelledby="members-heading">
              <h2 id="members-heading">
                {current().members.length} {current().members.length === 1 ? "member" : "members"}
              </h2>
              <Show when={!isOwner()}>
                <p class="muted">Only owners can change roles, remove members or invite people.</p>
              </Show>
              <MembersTable
                members={current().members}
                currentUserId={session.me().user.id}
                canManage={isOwner()}
                busyUserId={busyUserId()}
                onRoleChange={(member, role) => void changeRole(member, role)}
                onRemove={(member) => {
                  remove.clearError();
                  setRemoving(member);
                }}
              />
            </section>
            <Show when={isOwner()}>
              <section class="section card" aria-labelledby="invite-heading">
                <h2 id="invite-heading">Invite someone</h2>
                <InviteForm
                  pending={invite.pending()}
                  error={friendly(invite.error())}
                  result={inviteResult()}
                  onInvite={sendInvite}
                />
              </section>
            </Show>
            <section class="section" aria-labelledby="invites-heading">
              <h2 id="invites-heading">Pending invites</h2>
              <PendingInvites
                invites={current().invites}
                canManage={isOwner()}
                busyId={busyInviteId()}
                onRevoke={(pending) => void revoke(pending)}
              />
            </section>
          </>
        )}
      </AsyncView>
      <ConfirmDialog
        open={removing() !== undefined}
        title={removing()?.userId === session.me().user.id ? "Leave this workspace?" : "Remove member?"}
        confirmLabel={removing()?.userId === session.me().user.id ? "Leave workspace" : "Remove member"}
        danger
        pending={remove.pending()}
        error={friendly(remove.error())}
        onConfirm={() => {
          const member = removing();
          if (member) void confirmRemove(member);
        }}
        onCancel={() => setRemoving(undefined)}
      >
        <p>
          {removing()?.name || removing()?.email} will lose access to {session.me().workspace.name} and its surveys.
          Their past work stays.
        </p>
      </ConfirmDialog>
    </>
  );
}
