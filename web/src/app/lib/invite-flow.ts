// The state and requests behind the invite dialog, shared by the two people pages (a
// survey's and the workspace's): the message template, a debounced server-rendered
// preview for the first selected respondent, and sending in batches.
import { createEffect, createResource, createSignal, onCleanup } from "solid-js";
import { DEFAULT_INVITATION_TEMPLATE } from "@sieve/core";
import { createMutation } from "./mutation";
import { inviteInBatches, peopleApi, type InviteResult } from "./people-api";

export interface InviteSelection {
  size: () => number;
  ids: () => string[];
  emailOf: (id: string) => string | null;
  clear: () => void;
}

export function createInviteFlow(o: { surveyId: () => string | undefined; selection: InviteSelection; onSent: (result: InviteResult) => void }) {
  const [open, setOpen] = createSignal(false);
  const [subject, setSubject] = createSignal(DEFAULT_INVITATION_TEMPLATE.subject);
  const [body, setBody] = createSignal(DEFAULT_INVITATION_TEMPLATE.body);
  const [sendEmail, setSendEmail] = createSignal(true);
  const [overrideFlags, setOverrideFlags] = createSignal(false);
  const [result, setResult] = createSignal<InviteResult>();
  // Who was asked, kept after the selection is cleared, to name the skipped ones.
  const [asked, setAsked] = createSignal<ReadonlyMap<string, string | null>>(new Map());

  const [previewInput, setPreviewInput] = createSignal<{ surveyId: string; subject: string; body: string; respondentId?: string }>();
  createEffect(() => {
    const surveyId = o.surveyId();
    if (!open() || result() || !surveyId) return;
    const input = { surveyId, subject: subject(), body: body(), respondentId: o.selection.ids()[0] };
    const timer = setTimeout(() => setPreviewInput(input), 300);
    onCleanup(() => clearTimeout(timer));
  });
  const [preview] = createResource(previewInput, ({ surveyId, ...input }) => peopleApi.preview(surveyId, input));

  const sending = createMutation((surveyId: string, ids: string[]) =>
    inviteInBatches(surveyId, { respondentIds: ids, subject: subject(), body: body(), overrideFlags: overrideFlags(), send: sendEmail() }),
  );

  return {
    open,
    subject,
    body,
    sendEmail,
    overrideFlags,
    result,
    preview,
    pending: sending.pending,
    error: sending.error,
    setSubject,
    setBody,
    setSendEmail,
    setOverrideFlags,
    start() {
      sending.clearError();
      setResult(undefined);
      setOpen(true);
    },
    close: () => setOpen(false),
    /** A respondent's email for the dialog: from the selection, or from the last send. */
    emailOf: (id: string) => o.selection.emailOf(id) ?? asked().get(id) ?? "(no email)",
    async send() {
      const surveyId = o.surveyId();
      if (!surveyId) return;
      const ids = o.selection.ids();
      setAsked(new Map(ids.map((id) => [id, o.selection.emailOf(id)])));
      const outcome = await sending.run(surveyId, ids);
      if (!outcome.ok) return;
      setResult(outcome.value);
      o.selection.clear();
      o.onSent(outcome.value);
    },
  };
}
