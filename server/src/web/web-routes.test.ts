import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestApp, type TestApp } from "../testing/create-test-app.js";
import { screenerInput } from "../testing/fixtures.js";

describe("serving the web app", () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "sieve-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(dist, "respond.html"), "<!doctype html><title>respond</title>");
    writeFileSync(join(dist, "assets", "app-abc123.js"), "console.log(1)");
    writeFileSync(join(dist, "secret.txt"), "not an asset");
    t = await createTestApp({ webDist: dist });
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves the researcher app for its client-side routes", async () => {
    for (const path of ["/app", "/app/surveys/123", "/login", "/setup/tok", "/join/tok"]) {
      const res = await t.agent().request("GET", path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(await res.text()).toContain("<title>app</title>");
    }
    expect((await t.agent().request("GET", "/")).headers.get("location")).toBe("/app");
  });

  it("serves the respondent page at /s/:slug", async () => {
    const res = await t.agent().request("GET", "/s/some-slug");
    expect(await res.text()).toContain("<title>respond</title>");
  });

  it("serves hashed assets with long caching and never files outside assets/", async () => {
    const res = await t.agent().request("GET", "/assets/app-abc123.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/javascript");
    expect(res.headers.get("cache-control")).toContain("immutable");
    for (const path of ["/assets/../secret.txt", "/assets/%2e%2e/secret.txt", "/assets/..%2fsecret.txt"]) {
      expect((await t.agent().request("GET", path)).status).toBe(404);
    }
  });

  it("redirects a tracked link to its survey, keeping UTM parameters", async () => {
    const { agent: owner } = await t.setupOwner();
    const survey = (await owner.json("POST", "/api/surveys", { body: { definition: screenerInput() } })).body.survey;
    const channel = (await owner.json("POST", `/api/surveys/${survey.id}/channels`, { body: { name: "r/SaaS", kind: "reddit", code: "saas-post" } })).body.channel;
    expect(channel.url).toBe("http://localhost/c/saas-post");
    const res = await t.agent().request("GET", "/c/saas-post?utm_source=reddit&evil=1");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/s/${survey.slug}?c=saas-post&utm_source=reddit`);
    expect((await t.agent().request("GET", "/c/unknown")).status).toBe(404);
  });
});
