import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { screenerInput } from "../testing/fixtures.js";

describe.each(testDialects)("live results and shared links on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let survey: { id: string; slug: string };
  beforeEach(async () => {
    t = await createTestApp({ dialect, config: { livePollMs: 100 } });
    owner = (await t.setupOwner()).agent;
    const created = await owner.json("POST", "/api/surveys", { body: { definition: screenerInput() } });
    survey = { id: created.body.survey.id, slug: created.body.survey.slug };
    await owner.json("POST", `/api/surveys/${survey.id}/publish`);
  });
  afterEach(async () => t.cleanup());

  const respond = () =>
    t.agent().json("PUT", `/api/public/responses/${randomUUID()}`, {
      body: { survey: survey.slug, answers: { role: "me", tools: ["notion"], why: "Because it is fast", email: `${randomUUID().slice(0, 6)}@example.com` }, complete: true },
    });

  async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, buffer: { text: string }) {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const end = buffer.text.indexOf("\n\n");
      if (end >= 0) {
        const event = buffer.text.slice(0, end);
        buffer.text = buffer.text.slice(end + 2);
        if (event.startsWith(":")) continue;
        return event;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer.text += new TextDecoder().decode(value);
    }
    throw new Error("no event within 5 s");
  }

  it("pushes a changed event when a new response arrives", async () => {
    const res = await owner.request("GET", `/api/surveys/${survey.id}/live`);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const buffer = { text: "" };
    expect(await nextEvent(reader, buffer)).toContain('"responses":0');
    const started = Date.now();
    await respond();
    const event = await nextEvent(reader, buffer);
    expect(event).toContain("event: changed");
    expect(event).toContain('"responses":1');
    expect(Date.now() - started).toBeLessThan(2000);
    await reader.cancel();
  });

  it("shares read-only results through a revocable link that can hide text answers", async () => {
    await respond();
    const { agent: viewer } = await t.addMember(owner, "viewer", "v@example.com");
    expect((await viewer.json("POST", `/api/surveys/${survey.id}/result-links`, { body: { hideText: true } })).status).toBe(403);
    const created = await owner.json("POST", `/api/surveys/${survey.id}/result-links`, { body: { hideText: true } });
    expect(created.status).toBe(201);
    const token = created.body.link.url.split("/r/")[1];
    expect((await owner.json("GET", `/api/surveys/${survey.id}/result-links`)).body.links).toEqual([
      { id: created.body.link.id, hideText: true, createdAt: expect.any(String) },
    ]);

    const shared = await t.agent().json("GET", `/api/public/results/${token}?split=segment`);
    expect(shared.status).toBe(200);
    expect(shared.body.totals.qualified).toBe(1);
    expect(shared.body.questions.map((q: { id: string }) => q.id)).not.toContain("why");
    expect(JSON.stringify(shared.body)).not.toContain("@example.com");
    expect(JSON.stringify(shared.body)).not.toContain("Because it is fast");

    expect((await owner.request("DELETE", `/api/surveys/${survey.id}/result-links/${created.body.link.id}`)).status).toBe(204);
    const revoked = await t.agent().json("GET", `/api/public/results/${token}`);
    expect(revoked.status).toBe(404);
    expect(revoked.body.error.code).toBe("link_invalid");
  });
});
