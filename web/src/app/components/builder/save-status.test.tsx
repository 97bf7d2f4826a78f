import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { createAutosave, type SaveOutcome } from "../../editor/autosave";
import { ConflictBanner, SaveStatus } from "./save-status";

/** The editor's save corner: autosave wired to its status line and conflict banner. */
function Harness(props: { save: (revision: number, value: string) => Promise<SaveOutcome>; onReload: () => void }) {
  const autosave = createAutosave({ revision: 1, save: props.save, canSave: (value: string) => value !== "", delayMs: 10 });
  return (
    <>
      <input aria-label="Draft" onInput={(event) => autosave.changed(event.currentTarget.value)} />
      <SaveStatus state={autosave.state()} onRetry={() => void autosave.flush()} />
      <ConflictBanner
        state={autosave.state()}
        busy={false}
        onReload={() => {
          props.onReload();
          autosave.reset(5);
        }}
        onOverwrite={() => void autosave.overwrite()}
      />
      <p>revision {autosave.revision()}</p>
    </>
  );
}

describe("autosave conflict handling", () => {
  it("shows saving, then saved, in a live region", async () => {
    const save = vi.fn(async (revision: number) => ({ kind: "saved" as const, revision: revision + 1 }));
    render(() => <Harness save={save} onReload={() => {}} />);
    expect(screen.getByRole("status").textContent).toContain("All changes saved");
    fireEvent.input(screen.getByLabelText("Draft"), { target: { value: "hello" } });
    expect(screen.getByRole("status").textContent).toContain("Unsaved changes");
    await waitFor(() => expect(save).toHaveBeenCalledWith(1, "hello"));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("All changes saved"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("on a 409 shows the banner; “Overwrite with mine” saves over their revision", async () => {
    const save = vi.fn(async (revision: number): Promise<SaveOutcome> =>
      revision === 1 ? { kind: "conflict", theirRevision: 4 } : { kind: "saved", revision: revision + 1 },
    );
    render(() => <Harness save={save} onReload={() => {}} />);
    fireEvent.input(screen.getByLabelText("Draft"), { target: { value: "mine" } });
    const banner = await screen.findByRole("alert");
    expect(banner.textContent).toContain("Someone else saved this survey while you were editing");
    expect(screen.getByRole("status").textContent).toContain("someone else changed this survey");
    // Nothing more is sent while the conflict stands.
    fireEvent.input(screen.getByLabelText("Draft"), { target: { value: "mine, more" } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(save).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "Overwrite with mine" }));
    await waitFor(() => expect(save).toHaveBeenLastCalledWith(4, "mine, more"));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(screen.getByText("revision 5")).toBeTruthy();
  });

  it("“Reload their version” hands over to the route and clears the conflict", async () => {
    const save = vi.fn(async (): Promise<SaveOutcome> => ({ kind: "conflict", theirRevision: 5 }));
    const onReload = vi.fn();
    render(() => <Harness save={save} onReload={onReload} />);
    fireEvent.input(screen.getByLabelText("Draft"), { target: { value: "mine" } });
    fireEvent.click(await screen.findByRole("button", { name: "Reload their version" }));
    expect(onReload).toHaveBeenCalledOnce();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("status").textContent).toContain("All changes saved");
  });

  it("says a draft with errors is not saved, and offers a retry after a failure", async () => {
    let fail = true;
    const save = vi.fn(async (revision: number): Promise<SaveOutcome> =>
      fail ? { kind: "failed", message: "offline" } : { kind: "saved", revision: revision + 1 },
    );
    render(() => <Harness save={save} onReload={() => {}} />);
    fireEvent.input(screen.getByLabelText("Draft"), { target: { value: "" } });
    expect(screen.getByRole("status").textContent).toContain("Not saved: fix the marked fields");
    fireEvent.input(screen.getByLabelText("Draft"), { target: { value: "ok" } });
    const retry = await screen.findByRole("button", { name: "Retry now" });
    fail = false;
    fireEvent.click(retry);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("All changes saved"));
  });
});
