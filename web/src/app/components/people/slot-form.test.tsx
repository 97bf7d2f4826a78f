import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import type { CreateSlotsBody } from "../../lib/people-api";
import { SlotForm } from "./slot-form";

const surveys = [
  { id: "s1", title: "Note-taking" },
  { id: "s2", title: "Calendars" },
];

function submitSingle() {
  fireEvent.click(screen.getByRole("radio", { name: "One slot" }));
  fireEvent.input(screen.getByLabelText("Date"), { target: { value: "2030-01-02" } });
  fireEvent.submit(screen.getByRole("button", { name: "Create slot" }).closest("form")!);
}

describe("SlotForm survey picker", () => {
  it("offers slots for any survey by default", () => {
    const onCreate = vi.fn<(body: CreateSlotsBody) => void>();
    render(() => <SlotForm defaultTimeZone="Europe/Berlin" surveys={surveys} defaultSurveyId="" pending={false} error={undefined} onCreate={onCreate} />);
    expect(screen.getByText(/Anyone invited to any survey/)).toBeTruthy();
    submitSingle();
    expect(onCreate).toHaveBeenCalledWith(expect.objectContaining({ kind: "single", date: "2030-01-02", surveyId: null, timeZone: "Europe/Berlin" }));
  });

  it("preselects the page's survey and sends the one picked", () => {
    const onCreate = vi.fn<(body: CreateSlotsBody) => void>();
    render(() => <SlotForm defaultTimeZone="UTC" surveys={surveys} defaultSurveyId="s1" pending={false} error={undefined} onCreate={onCreate} />);
    const picker = screen.getByLabelText("For") as HTMLSelectElement;
    expect(picker.value).toBe("s1");
    expect(screen.getByText(/Only people invited to this survey/)).toBeTruthy();
    fireEvent.change(picker, { target: { value: "s2" } });
    submitSingle();
    expect(onCreate).toHaveBeenCalledWith(expect.objectContaining({ surveyId: "s2" }));
  });
});
