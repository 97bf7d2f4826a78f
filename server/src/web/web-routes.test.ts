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
    writeFileSync(join(dist, "respond.html"), "<!doctype html><html lang=\"en\"><head><title>respond</title></head><body></body></html>");
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

  it("serves the respondent page at /s/:slug with its link preview; 404 unknown, 410 closed", async () => {
    const unknown = await t.agent().request("GET", "/s/some-slug");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("<title>respond</title>");

    const { agent } = await t.setupOwner({ email: "pages@example.com" });
    const input = screenerInput("Meal planning habits");
    input.settings = { ...input.settings, linkPreview: { description: "Three minutes, for home cooks" }, language: "fr" };
    const survey = (await agent.json("POST", "/api/surveys", { body: { definition: input } })).body.survey;
    expect((await t.agent().request("GET", `/s/${survey.slug}`)).status).toBe(404); // not published yet
    await agent.json("POST", `/api/surveys/${survey.id}/publish`);
    const res = await t.agent().request("GET", `/s/${survey.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<title>Meal planning habits</title>");
    expect(html).toContain('<meta property="og:description" content="Three minutes, for home cooks" />');
    expect(html).toContain(`<meta property="og:image" content="http://localhost/s/${survey.slug}/card.png?v=1" />`);
    const card = await t.agent().request("GET", `/s/${survey.slug}/card.png?v=1`);
    expect(card.status).toBe(200);
    expect(card.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await card.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect((await t.agent().request("GET", "/s/nope/card.png")).status).toBe(404);
    await agent.json("POST", `/api/surveys/${survey.id}/close`);
    expect((await t.agent().request("GET", `/s/${survey.slug}`)).status).toBe(410);
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
    const owner = t.agent();
    await owner.json("POST", "/api/auth/login", { body: { email: "pages@example.com", password: "correct horse battery" } });
    const survey = (await owner.json("POST", "/api/surveys", { body: { definition: screenerInput() } })).body.survey;
    const channel = (await owner.json("POST", `/api/surveys/${survey.id}/channels`, { body: { name: "r/SaaS", kind: "reddit", code: "saas-post" } })).body.channel;
    expect(channel.url).toBe("http://localhost/c/saas-post");
    const res = await t.agent().request("GET", "/c/saas-post?utm_source=reddit&evil=1");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/s/${survey.slug}?c=saas-post&utm_source=reddit`);
    expect((await t.agent().request("GET", "/c/unknown")).status).toBe(404);
  });
});
