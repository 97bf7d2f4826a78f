import { describe, expect, it } from "vitest";
import { renderSurveyPage } from "./survey-page.js";

const template = `<!doctype html>\n<html lang="en">\n  <head>\n    <title>Survey</title>\n  </head>\n  <body></body>\n</html>`;

describe("renderSurveyPage", () => {
  it("adds the title, description, canonical URL, Open Graph and Twitter tags", () => {
    const html = renderSurveyPage(template, {
      title: "How do you plan meals?",
      description: "Three minutes, for home cooks.",
      url: "https://sieve.example.org/s/abc",
      imageUrl: "https://sieve.example.org/s/abc/card.png",
      language: "de",
    });
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("<title>How do you plan meals?</title>");
    expect(html).toContain('<meta property="og:title" content="How do you plan meals?" />');
    expect(html).toContain('<meta property="og:image" content="https://sieve.example.org/s/abc/card.png" />');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(html).toContain('<link rel="canonical" href="https://sieve.example.org/s/abc" />');
  });

  it("escapes survey text so a title can never inject markup", () => {
    const html = renderSurveyPage(template, {
      title: `"><script>alert(1)</script>`,
      description: "a & b",
      url: "https://x/s/a",
      imageUrl: "https://x/s/a/card.png",
      language: "en",
    });
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("a &amp; b");
  });
});
