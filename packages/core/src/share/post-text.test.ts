import { describe, expect, it } from "vitest";
import { ChannelKindSchema, type ChannelKind } from "../vocabulary";
import { postText, type PostTextInput } from "./post-text";

const base: PostTextInput = {
  kind: "other",
  url: "https://research.example.com/c/r-cooks",
  title: "Do you plan meals for your household?",
  description: "We're looking for home cooks to chat with for 30 minutes ($30 gift card).",
  estimatedMinutes: 2,
};
const kinds: ChannelKind[] = ChannelKindSchema.options;

describe("postText", () => {
  it.each(kinds)("%s: links the channel, says how long it takes and that it is a screener for an interview", (kind) => {
    const post = postText({ ...base, kind });
    const text = `${post.subject ?? ""}\n${post.body}`;
    expect(post.body).toContain(base.url);
    expect(text).toMatch(/2-minute|about 2 minutes/);
    expect(text).toMatch(/screener/i);
    expect(text).toMatch(/interview/i);
    expect(post.tip.length).toBeGreaterThan(10);
  });

  it.each(kinds)("%s: uses no urgency or scarcity language", (kind) => {
    const post = postText({ ...base, kind, asksForEmail: true });
    expect(`${post.subject ?? ""} ${post.body}`).not.toMatch(/hurry|last chance|limited|only \d+ (spots|places)|act now|don't miss/i);
  });

  it("says who the study is for in the survey's own words (except on X, where space is short)", () => {
    for (const kind of kinds.filter((k) => k !== "x")) {
      expect(postText({ ...base, kind }).body).toContain(base.description);
    }
  });

  it("reddit: a markdown post with a [Research] title", () => {
    const post = postText({ ...base, kind: "reddit" });
    expect(post.format).toBe("markdown");
    expect(post.subject).toBe("[Research] Do you plan meals for your household? (2-minute survey)");
    expect(post.body).toContain("- **What it is:** a short screener survey, about 2 minutes");
    expect(post.body).toContain(`**Link:** ${base.url}`);
  });

  it("reddit: keeps the title within Reddit's 300 characters", () => {
    const post = postText({ ...base, kind: "reddit", title: "word ".repeat(100) });
    expect(post.subject!.length).toBeLessThanOrEqual(300);
    expect(post.subject!.endsWith("…")).toBe(true);
  });

  it("facebook and linkedin: plain text without markdown", () => {
    for (const kind of ["facebook", "linkedin"] as const) {
      const post = postText({ ...base, kind });
      expect(post.format).toBe("plain");
      expect(post.subject).toBeNull();
      expect(post.body).not.toContain("**");
    }
  });

  it("email: a subject line and a signed body with a name to fill in", () => {
    const post = postText({ ...base, kind: "email" });
    expect(post.subject).toBe("Do you plan meals for your household? (2-minute survey)");
    expect(post.body.startsWith("Hi,")).toBe(true);
    expect(post.body).toContain("[Your name]");
  });

  it("x: fits in one 280-character post, shortening a long title", () => {
    const short = postText({ ...base, kind: "x" });
    expect(short.body.length).toBeLessThanOrEqual(280);
    expect(short.body.startsWith(base.title)).toBe(true);
    const long = postText({ ...base, kind: "x", title: "A very long title ".repeat(30) });
    expect(long.body.length).toBeLessThanOrEqual(280);
    expect(long.body).toContain(base.url);
  });

  it("mentions the email question up front only when the survey asks for one", () => {
    expect(postText({ ...base, kind: "facebook", asksForEmail: true }).body).toMatch(/email address/);
    expect(postText({ ...base, kind: "facebook", asksForEmail: false }).body).not.toMatch(/email/i);
  });

  it("leaves out an empty description without leaving blank gaps", () => {
    for (const kind of kinds) {
      const post = postText({ ...base, kind, description: "   " });
      expect(post.body).not.toMatch(/\n{3,}/);
      expect(post.body.startsWith("\n")).toBe(false);
    }
  });

  it("says 'about 1 minute' in the singular and never less than a minute", () => {
    expect(postText({ ...base, estimatedMinutes: 1 }).body).toContain("about 1 minute)");
    expect(postText({ ...base, estimatedMinutes: 0 }).body).toContain("about 1 minute)");
  });

  it("falls back to a neutral title when the survey has none", () => {
    expect(postText({ ...base, kind: "email", title: "  " }).subject).toBe("A short research survey (2-minute survey)");
  });
});
