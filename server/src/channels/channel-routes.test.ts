import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";

describe.each(testDialects)("channels on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let surveyId: string;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    owner = (await t.setupOwner()).agent;
    surveyId = (await owner.json("POST", "/api/surveys", { body: { title: "S" } })).body.survey.id;
  });
  afterEach(async () => t.cleanup());

  it("creates one tracked link per community with a generated short code", async () => {
    const reddit = await owner.json("POST", `/api/surveys/${surveyId}/channels`, { body: { name: "r/startups", kind: "reddit" } });
    t.clock.advance(1000);
    const fb = await owner.json("POST", `/api/surveys/${surveyId}/channels`, { body: { name: "Founders group", kind: "facebook" } });
    expect(reddit.status).toBe(201);
    expect(reddit.body.channel.code).toMatch(/^[a-z2-9]{7}$/);
    expect(reddit.body.channel.code).not.toBe(fb.body.channel.code);
    const list = await owner.json("GET", `/api/surveys/${surveyId}/channels`);
    expect(list.body.channels.map((c: { name: string }) => c.name)).toEqual(["r/startups", "Founders group"]);
  });

  it("keeps short codes unique across surveys and validates them", async () => {
    expect((await owner.json("POST", `/api/surveys/${surveyId}/channels`, { body: { name: "a", kind: "x", code: "Launch-Post" } })).body.channel.code).toBe("launch-post");
    const other = (await owner.json("POST", "/api/surveys", { body: { title: "T" } })).body.survey.id;
    const dup = await owner.json("POST", `/api/surveys/${other}/channels`, { body: { name: "b", kind: "x", code: "launch-post" } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("code_taken");
    const bad = await owner.json("POST", `/api/surveys/${surveyId}/channels`, { body: { name: "", kind: "myspace", code: "a b" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["code", "kind", "name"]);
  });

  it("renames, re-codes and deletes a link", async () => {
    const created = (await owner.json("POST", `/api/surveys/${surveyId}/channels`, { body: { name: "a", kind: "newsletter" } })).body.channel;
    const patched = await owner.json("PATCH", `/api/surveys/${surveyId}/channels/${created.id}`, { body: { name: "Weekly digest", code: "digest" } });
    expect(patched.body.channel).toMatchObject({ name: "Weekly digest", kind: "newsletter", code: "digest" });
    expect((await owner.request("DELETE", `/api/surveys/${surveyId}/channels/${created.id}`)).status).toBe(204);
    expect((await owner.request("DELETE", `/api/surveys/${surveyId}/channels/${created.id}`)).status).toBe(404);
  });
});
