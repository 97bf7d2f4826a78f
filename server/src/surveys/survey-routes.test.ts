import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { screenerInput } from "../testing/fixtures.js";

describe.each(testDialects)("survey API on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    owner = (await t.setupOwner()).agent;
  });
  afterEach(async () => t.cleanup());

  const create = async (body: unknown = { title: "Onboarding study" }) => {
    const res = await owner.json("POST", "/api/surveys", { body });
    expect(res.status).toBe(201);
    return res.body.survey;
  };

  it("creates a blank draft with an unguessable slug and lists it", async () => {
    const survey = await create();
    expect(survey).toMatchObject({ title: "Onboarding study", status: "draft", revision: 1, publishedVersion: null, responseCount: 0 });
    expect(survey.slug).toMatch(/^[a-z2-9]{12}$/);
    expect(survey.issues.map((i: { code: string }) => i.code)).toContain("no_questions");
    const list = await owner.json("GET", "/api/surveys");
    expect(list.body.surveys).toEqual([expect.objectContaining({ id: survey.id, title: "Onboarding study", responseCount: 0 })]);
  });

  it("creates from a template and from an exported definition", async () => {
    const templates = await owner.json("GET", "/api/templates");
    expect(templates.body.templates.length).toBeGreaterThanOrEqual(4);
    const fromTemplate = await create({ templateId: templates.body.templates[0].id });
    expect(fromTemplate.definition.pages.length).toBeGreaterThan(0);
    expect(fromTemplate.issues).toEqual([]);
    const imported = await create({ definition: fromTemplate.definition, title: "Imported" });
    expect(imported.definition.pages).toEqual(fromTemplate.definition.pages);
    expect(imported.title).toBe("Imported");
    const unknown = await owner.json("POST", "/api/surveys", { body: { templateId: "nope" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("unknown_template");
  });

  it("saves the draft with optimistic concurrency: a stale revision gets 409", async () => {
    const survey = await create();
    const definition = screenerInput();
    const first = await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition } });
    expect(first.status).toBe(200);
    expect(first.body.survey.revision).toBe(2);
    expect(first.body.survey.title).toBe("Note-taking screener");
    const stale = await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "revision_conflict", details: { currentRevision: 2 } });
    // Beyond what the column holds: a clear 400 on both databases (Postgres used to answer 500).
    const huge = await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 2_147_483_648, definition } });
    expect(huge.status).toBe(400);
  });

  it("lets exactly one of two concurrent saves of the same revision win", async () => {
    const survey = await create();
    const results = await Promise.all(
      ["A", "B"].map((title) =>
        owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition: screenerInput(title) } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.survey.title;
    expect((await owner.json("GET", `/api/surveys/${survey.id}`)).body.survey).toMatchObject({ revision: 2, title: winner });
  });

  it("refuses a viewer before judging their body: 403 whatever they send, where an editor gets the 400", async () => {
    const survey = await create();
    const viewer = (await t.addMember(owner, "viewer", "vera@example.com")).agent;
    const editor = (await t.addMember(owner, "editor", "eddie@example.com")).agent;
    const bad = { definition: { pages: "not pages" }, revision: -1 };
    for (const [method, path] of [
      ["POST", "/api/surveys"],
      ["PATCH", `/api/surveys/${survey.id}`],
      ["PUT", `/api/surveys/${survey.id}/definition`],
      ["POST", `/api/surveys/${survey.id}/channels`],
    ] as const) {
      const asViewer = await viewer.json(method, path, { body: bad });
      expect([path, asViewer.status, asViewer.body.error.code]).toEqual([path, 403, "forbidden"]);
      expect(JSON.stringify(asViewer.body)).not.toContain("issues");
      const asEditor = await editor.json(method, path, { body: bad });
      expect([path, asEditor.status]).toEqual([path, 400]);
    }
  });

  it("refuses a structurally invalid definition with field paths", async () => {
    const survey = await create();
    const bad = screenerInput();
    (bad.pages[0]!.questions[0] as { type: string }).type = "telepathy";
    const res = await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition: bad } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].path.slice(0, 5)).toEqual(["definition", "pages", 0, "questions", 0]);
  });

  it("refuses to publish an invalid definition and lists every issue", async () => {
    const survey = await create();
    const bad = screenerInput();
    bad.pages[1]!.questions[0]!.id = "role"; // duplicate id
    bad.segments![0]!.when = { op: "and", conditions: [{ source: "answer", questionId: "ghost", operator: "answered" }] };
    await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition: bad } });
    const res = await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_definition");
    const codes = res.body.error.details.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["duplicate_id", "dangling_reference"]));
    expect((await owner.json("GET", `/api/surveys/${survey.id}`)).body.survey.status).toBe("draft");
  });

  it("publishing freezes an immutable version that later draft edits do not touch", async () => {
    const survey = await create();
    await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition: screenerInput() } });
    const published = await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.version.number).toBe(1);
    expect(published.body.survey).toMatchObject({ status: "open", publishedVersion: 1, hasUnpublishedChanges: false });

    const publicBefore = await t.agent().json("GET", `/api/public/surveys/${survey.slug}`);
    expect(publicBefore.body.survey.definition.title).toBe("Note-taking screener");

    await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 2, definition: screenerInput("Edited title") } });
    const draft = await owner.json("GET", `/api/surveys/${survey.id}`);
    expect(draft.body.survey).toMatchObject({ title: "Edited title", hasUnpublishedChanges: true, publishedVersion: 1 });
    const publicAfter = await t.agent().json("GET", `/api/public/surveys/${survey.slug}`);
    expect(publicAfter.body.survey.definition.title).toBe("Note-taking screener");
    const stored = await t.db.selectFrom("survey_versions").select(["version", "definition"]).where("survey_id", "=", survey.id).execute();
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.definition).title).toBe("Note-taking screener");

    const republished = await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    expect(republished.body.version.number).toBe(2);
    expect((await t.agent().json("GET", `/api/public/surveys/${survey.slug}`)).body.survey.definition.title).toBe("Edited title");
    // Publishing again without changes does not mint a new version.
    expect((await owner.json("POST", `/api/surveys/${survey.id}/publish`)).body.version.number).toBe(2);
  });

  it("the public definition hides screening rules, segments and quotas", async () => {
    const survey = await create();
    await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition: screenerInput() } });
    await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    const res = await t.agent().json("GET", `/api/public/surveys/${survey.slug}`);
    const text = JSON.stringify(res.body);
    for (const secret of ["effect", "qualify", "disqualify", "trap", "segments", "quotas", "Buyers"]) expect(text).not.toContain(secret);
  });

  it("closes and reopens; a closed survey answers 410 publicly; drafts are 404", async () => {
    const survey = await create();
    expect((await t.agent().json("GET", `/api/public/surveys/${survey.slug}`)).status).toBe(404);
    expect((await owner.json("POST", `/api/surveys/${survey.id}/close`)).status).toBe(409);
    await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition: screenerInput() } });
    await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    expect((await owner.json("POST", `/api/surveys/${survey.id}/close`)).body.survey.status).toBe("closed");
    const closed = await t.agent().json("GET", `/api/public/surveys/${survey.slug}`);
    expect(closed.status).toBe(410);
    expect(closed.body.error.details.endScreen.title).toBeTruthy();
    expect((await owner.json("POST", `/api/surveys/${survey.id}/reopen`)).body.survey.status).toBe("open");
    expect((await t.agent().json("GET", `/api/public/surveys/${survey.slug}`)).status).toBe(200);
  });

  it("duplicates a survey as a new draft with its own slug", async () => {
    const survey = await create();
    await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision: 1, definition: screenerInput() } });
    await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    const copy = await owner.json("POST", `/api/surveys/${survey.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.survey).toMatchObject({ title: "Copy of Note-taking screener", status: "draft", publishedVersion: null });
    expect(copy.body.survey.slug).not.toBe(survey.slug);
  });

  it("renames and changes the slug; a taken slug is 409, a bad one 400", async () => {
    const a = await create();
    const b = await create({ title: "Other" });
    const renamed = await owner.json("PATCH", `/api/surveys/${a.id}`, { body: { title: "Renamed", slug: "my-study" } });
    expect(renamed.body.survey).toMatchObject({ title: "Renamed", slug: "my-study" });
    expect((await owner.json("PATCH", `/api/surveys/${b.id}`, { body: { slug: "My-Study" } })).status).toBe(409);
    expect((await owner.json("PATCH", `/api/surveys/${b.id}`, { body: { slug: "../etc" } })).status).toBe(400);
    expect((await owner.json("PATCH", `/api/surveys/${b.id}`, { body: {} })).status).toBe(400);
  });

  it("deletes a survey", async () => {
    const survey = await create();
    expect((await owner.request("DELETE", `/api/surveys/${survey.id}`)).status).toBe(204);
    expect((await owner.json("GET", `/api/surveys/${survey.id}`)).status).toBe(404);
  });

  it("treats another workspace's survey and channel as not found", async () => {
    const survey = await create();
    const channel = await owner.json("POST", `/api/surveys/${survey.id}/channels`, { body: { name: "r/x", kind: "reddit" } });
    const { agent: outsider } = await t.createOutsider();
    for (const [method, path, body] of [
      ["GET", `/api/surveys/${survey.id}`, undefined],
      ["PATCH", `/api/surveys/${survey.id}`, { title: "Hijack" }],
      ["PUT", `/api/surveys/${survey.id}/definition`, { revision: 1, definition: screenerInput() }],
      ["POST", `/api/surveys/${survey.id}/publish`, undefined],
      ["POST", `/api/surveys/${survey.id}/duplicate`, undefined],
      ["DELETE", `/api/surveys/${survey.id}`, undefined],
      ["GET", `/api/surveys/${survey.id}/channels`, undefined],
      ["PATCH", `/api/surveys/${survey.id}/channels/${channel.body.channel.id}`, { name: "x" }],
      ["DELETE", `/api/surveys/${survey.id}/channels/${channel.body.channel.id}`, undefined],
    ] as const) {
      const res = await outsider.json(method, path, body === undefined ? {} : { body });
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    expect((await owner.json("GET", `/api/surveys/${survey.id}`)).body.survey.title).toBe("Onboarding study");
  });

  describe("bad bodies", () => {
    it("answers malformed JSON, a wrong content type and an empty body with 4xx JSON errors", async () => {
      const malformed = await owner.request("POST", "/api/surveys", { rawBody: "{", headers: { "content-type": "application/json" } });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe("invalid_json");
      const wrongType = await owner.request("POST", "/api/surveys", { rawBody: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(wrongType.status).toBe(415);
      const empty = await owner.request("POST", "/api/surveys", { rawBody: "", headers: { "content-type": "application/json" } });
      expect(empty.status).toBe(400);
    });

    it("refuses a body over 1 MiB with 413, with and without Content-Length", async () => {
      const big = JSON.stringify({ title: "x".repeat(1024 * 1024 + 10) });
      const declared = await owner.request("POST", "/api/surveys", {
        rawBody: big,
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) },
      });
      expect(declared.status).toBe(413);
      expect(((await declared.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
      const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 20) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const chunked = await owner.request("POST", "/api/surveys", { rawBody: stream, headers: { "content-type": "application/json" } });
      expect(chunked.status).toBe(413);
      expect((await owner.json("GET", "/api/surveys")).body.surveys).toHaveLength(0);
    });

    it("answers unknown API routes with a JSON 404", async () => {
      const res = await owner.json("GET", "/api/nope");
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    });
  });
});
