import { describe, expect, it } from "vitest";
import { NO_FILTERS, filtersKey, isFiltered, readRespondentQuery, respondentQueryToSearch } from "./respondent-query";

describe("respondent list query", () => {
  it("round-trips search, filters and page through the URL", () => {
    const query = { ...NO_FILTERS, q: "ada", segment: "buyers", outcome: "qualified" as const, flags: "only" as const, status: "not_invited" as const, page: 3 };
    const search = respondentQueryToSearch(query);
    expect(search).toBe("?q=ada&segment=buyers&outcome=qualified&flags=only&status=not_invited&page=3");
    expect(readRespondentQuery(search)).toEqual(query);
  });

  it("writes nothing for the defaults and reads an empty query as the defaults", () => {
    expect(respondentQueryToSearch({ ...NO_FILTERS, q: "  ", page: 1 })).toBe("");
    expect(readRespondentQuery("")).toEqual({ ...NO_FILTERS, page: 1 });
  });

  it("falls back to any for unknown values and to page 1 for a bad page", () => {
    expect(readRespondentQuery("?outcome=great&flags=evil&status=lost&page=-2")).toEqual({ ...NO_FILTERS, page: 1 });
    expect(readRespondentQuery("?page=2.5").page).toBe(1);
  });

  it("keys filters without the page or surrounding spaces", () => {
    expect(filtersKey({ ...NO_FILTERS, q: " ada " })).toBe(filtersKey({ ...NO_FILTERS, q: "ada" }));
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, channel: "c1" })).toBe(true);
  });
});
