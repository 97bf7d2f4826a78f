import { describe, expect, it, vi } from "vitest";
import { createSignal } from "solid-js";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import type { InviteResult } from "../../lib/people-api";
import { InviteDialog } from "./invite-dialog";
import { insertMergeField } from "./merge-field-insert";

function Harness(props: { initialBody: string; result?: InviteResult; onSend?: () => void }) {
  const [body, setBody] = createSignal(props.initialBody);
  return (
    <InviteDialog
      open
      recipients={2}
      subject="Hello"
      body={body()}
      sendEmail
      overrideFlags={false}
      preview={{ subject: "Hello", text: "Hi Ada, book here", html: "", fields: [] }}
      previewError={undefined}
      previewLoading={false}
      pending={false}
      error={undefined}
      result={props.result}
      emailOf={(id) => `${id}@example.test`}
      onSubject={() => {}}
      onBody={setBody}
      onSendEmail={() => {}}
      onOverrideFlags={() => {}}
      onSend={() => props.onSend?.()}
      onClose={() => {}}
    />
  );
}

describe("insertMergeField", () => {
  it("replaces the selection with the field and puts the caret after it", () => {
    expect(insertMergeField("Hi NAME!", 3, 7, "first_name")).toEqual({ text: "Hi {{first_name}}!", caret: 17 });
  });

  it("clamps a caret past the end to the end", () => {
    expect(insertMergeField("Hi", 10, 10, "survey_title")).toEqual({ text: "Hi{{survey_title}}", caret: 18 });
  });
});

describe("InviteDialog", () => {
  it("inserts a merge field at the caret in the message", () => {
    render(() => <Harness initialBody="Hi , welcome" />);
    const message = screen.getByLabelText<HTMLTextAreaElement>("Message");
    message.setSelectionRange(3, 3);
    fireEvent.click(screen.getByRole("button", { name: "+ First name" }));
    expect(message.value).toBe("Hi {{first_name}}, welcome");
    message.setSelectionRange(message.value.length, message.value.length);
    fireEvent.click(screen.getByRole("button", { name: "+ Booking link" }));
    expect(message.value).toBe("Hi {{first_name}}, welcome{{booking_link}}");
  });

  it("offers every merge field and shows the server's preview", () => {
    render(() => <Harness initialBody="x" />);
    for (const name of ["+ First name", "+ Survey title", "+ Booking link", "+ Your name"]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
    expect(screen.getByTestId("preview-text").textContent).toBe("Hi Ada, book here");
  });

  it("sends on submit", () => {
    const onSend = vi.fn();
    render(() => <Harness initialBody="x" onSend={onSend} />);
    fireEvent.click(screen.getByRole("button", { name: "Send invitations" }));
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it("after sending lists booking links and skipped respondents with reasons", () => {
    const result: InviteResult = {
      invitations: [{ id: "i1", respondentId: "r1", email: "ada@example.test", link: "https://sieve.test/b/tok", emailId: null }],
      skipped: [{ respondentId: "r2", reason: "unsubscribed" }],
      emailed: false,
    };
    render(() => <Harness initialBody="x" result={result} />);
    expect(screen.getByLabelText<HTMLInputElement>("Booking link for ada@example.test").value).toBe("https://sieve.test/b/tok");
    expect(screen.getByText(/unsubscribed/).textContent).toContain("unsubscribed");
    expect(screen.getByText("r2@example.test")).toBeTruthy();
  });
});
