import type { createInviteFlow } from "../../lib/invite-flow";
import { InviteDialog } from "./invite-dialog";

/** The invite dialog driven by the state of lib/invite-flow.ts, as both People pages show it. */
export function InviteFlowDialog(props: { flow: ReturnType<typeof createInviteFlow>; recipients: number }) {
  return (
    <InviteDialog
      open={props.flow.open()}
      recipients={props.recipients}
      subject={props.flow.subject()}
      body={props.flow.body()}
      sendEmail={props.flow.sendEmail()}
      overrideFlags={props.flow.overrideFlags()}
      preview={props.flow.preview.error ? undefined : props.flow.preview.latest}
      previewError={props.flow.preview.error}
      previewLoading={props.flow.preview.loading}
      pending={props.flow.pending()}
      error={props.flow.error()}
      result={props.flow.result()}
      emailOf={props.flow.emailOf}
      onSubject={props.flow.setSubject}
      onBody={props.flow.setBody}
      onSendEmail={props.flow.setSendEmail}
      onOverrideFlags={props.flow.setOverrideFlags}
      onSend={() => void props.flow.send()}
      onClose={props.flow.close}
    />
  );
}
