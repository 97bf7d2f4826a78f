/**
 * The respondent page's HTML with the survey's link preview baked in: crawlers from
 * Facebook, Reddit, LinkedIn, X and Slack read these tags and run no JavaScript.
 */
export type SurveyPageMeta = {
  title: string;
  description: string;
  url: string;
  imageUrl: string;
  language: string;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

/** Put title, description, Open Graph and Twitter-card tags and the canonical URL into respond.html. */
export function renderSurveyPage(template: string, meta: SurveyPageMeta): string {
  const t = escapeHtml(meta.title);
  const d = escapeHtml(meta.description);
  const tags = [
    `<meta name="description" content="${d}" />`,
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    // Screeners are shared in communities, not found through search engines.
    `<meta name="robots" content="noindex" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Sieve" />`,
    `<meta property="og:title" content="${t}" />`,
    `<meta property="og:description" content="${d}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    `<meta property="og:image" content="${escapeHtml(meta.imageUrl)}" />`,
    `<meta property="og:image:width" content="1200" />`,
    `<meta property="og:image:height" content="630" />`,
    `<meta property="og:image:alt" content="${t}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${t}" />`,
    `<meta name="twitter:description" content="${d}" />`,
    `<meta name="twitter:image" content="${escapeHtml(meta.imageUrl)}" />`,
  ].join("\n    ");
  return template
    // Replacer functions: a replacement *string* would expand $&, $` and $' found in user text.
    .replace(/<html lang="[^"]*">/, () => `<html lang="${escapeHtml(meta.language)}">`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${t}</title>\n    ${tags}`);
}
