/**
 * Ready-to-paste recruiting posts, one per kind of channel. The copy follows what
 * the research notes ask of a recruiting message: say plainly what it is (a short
 * screener survey), who it is for (the survey's own description), how long it takes,
 * and what happens next (an interview for those who fit, nothing for those who
 * don't). No urgency, no scarcity, no promises the researcher did not make.
 */
import type { ChannelKind } from "../vocabulary";

/** What a post is built from: the survey's own words and the channel's link. */
export type PostTextInput = {
  kind: ChannelKind;
  /** The channel's tracked link, e.g. `https://research.example.com/c/r-ux`. */
  url: string;
  title: string;
  description: string;
  estimatedMinutes: number;
  /** Whether the survey asks for an email address, so the post can say so up front. */
  asksForEmail?: boolean;
};

/** A post: `subject` is the Reddit title or the email subject, null where a channel has none. */
export type PostText = {
  format: "markdown" | "plain";
  subject: string | null;
  body: string;
  /** One line of posting etiquette for this kind of community. */
  tip: string;
};

const REDDIT_TITLE_MAX = 300;
const X_MAX = 280;

/**
 * The post for one channel. Example:
 * `postText({ kind: "reddit", url, title: "Do you plan meals?", description: "", estimatedMinutes: 2 }).subject`
 * → `"[Research] Do you plan meals? (2-minute survey)"`.
 */
export function postText(input: PostTextInput): PostText {
  const copy = prepare(input);
  return writers[input.kind](copy);
}

type Copy = {
  url: string;
  title: string;
  description: string;
  minutes: string;
  minuteLabel: string;
  asksForEmail: boolean;
};

function prepare(input: PostTextInput): Copy {
  const minutes = Math.max(1, Math.round(input.estimatedMinutes));
  return {
    url: input.url.trim(),
    title: oneLine(input.title) || "A short research survey",
    description: input.description.trim(),
    minutes: minutes === 1 ? "about 1 minute" : `about ${minutes} minutes`,
    minuteLabel: `${minutes}-minute`,
    asksForEmail: input.asksForEmail ?? false,
  };
}

/** Paragraphs joined by blank lines, leaving out the empty ones. */
function paragraphs(...parts: (string | false | null | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").join("\n\n");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const NEXT_STEP =
  "If you're a good fit, we'll get in touch to arrange an interview. Not everyone will be contacted, " +
  "and if we don't reach out, there's nothing more you need to do.";
const EMAIL_NOTE = "At the end it asks for your email address, so we can contact you about the interview.";

function generic(copy: Copy): string {
  return paragraphs(
    copy.title,
    copy.description,
    `It's a short screener survey (${copy.minutes}) that helps us find people for a research interview. ${NEXT_STEP}`,
    copy.asksForEmail && EMAIL_NOTE,
    copy.url,
  );
}

const writers: Record<ChannelKind, (copy: Copy) => PostText> = {
  reddit: (copy) => ({
    format: "markdown",
    subject: truncate(`[Research] ${copy.title} (${copy.minuteLabel} survey)`, REDDIT_TITLE_MAX),
    body: paragraphs(
      copy.description,
      [
        `- **What it is:** a short screener survey, ${copy.minutes}`,
        "- **Why:** we're looking for people to interview for a research study, and the survey helps us find who fits",
        `- **What happens next:** ${NEXT_STEP}`,
        copy.asksForEmail ? "- **Your email:** asked at the end, only so we can contact you about the interview" : "",
      ]
        .filter(Boolean)
        .join("\n"),
      `**Link:** ${copy.url}`,
      "Happy to answer questions in the comments. Mods: if research posts aren't welcome here, please remove this.",
    ),
    tip: "Read the subreddit's rules first: many ask you to message the moderators before posting a research request.",
  }),
  facebook: (copy) => ({
    format: "plain",
    subject: null,
    body: paragraphs(generic(copy), "Questions? Ask in the comments. Thanks for reading!"),
    tip: "Ask the group's admins before posting; some groups allow research posts only on certain days.",
  }),
  linkedin: (copy) => ({
    format: "plain",
    subject: null,
    body: paragraphs(
      copy.title,
      copy.description,
      `We're looking for people to interview for a research study. To find the right people, we start with a short screener survey (${copy.minutes}). ${NEXT_STEP}`,
      copy.asksForEmail && EMAIL_NOTE,
      `Take the survey: ${copy.url}`,
      "If you know someone who fits, sharing this with them helps a lot. Thank you!",
    ),
    tip: "Post from your own profile and answer comments: people want to see who is asking.",
  }),
  x: (copy) => {
    const tail = ` — a ${copy.minuteLabel} screener for a research interview. If you're a fit, we'll be in touch. ${copy.url}`;
    return {
      format: "plain",
      subject: null,
      body: `${truncate(copy.title, Math.max(20, X_MAX - tail.length))}${tail}`,
      tip: "Keep it to one post and answer questions in the replies.",
    };
  },
  "google-group": (copy) => ({
    format: "plain",
    subject: `[Research] ${copy.title} (${copy.minuteLabel} survey)`,
    body: emailBody(copy, "Hi everyone,"),
    tip: "Check the group's posting guidelines first; many groups moderate every new post.",
  }),
  newsletter: (copy) => ({
    format: "plain",
    subject: copy.title,
    body: paragraphs(
      `${copy.description ? `${copy.description} ` : ""}It's a short screener survey (${copy.minutes}) for a research interview. If you're a fit, we'll get in touch; if not, thank you for your time.`,
      copy.asksForEmail && EMAIL_NOTE,
      `Take part: ${copy.url}`,
    ),
    tip: "Put it where readers expect announcements, clearly apart from any advertising.",
  }),
  email: (copy) => ({
    format: "plain",
    subject: `${copy.title} (${copy.minuteLabel} survey)`,
    body: emailBody(copy, "Hi,"),
    tip: "Send it to people who expect to hear from you, and replace [Your name] before sending.",
  }),
  other: (copy) => ({
    format: "plain",
    subject: null,
    body: generic(copy),
    tip: "Say who you are and why you're asking; people answer researchers they can place.",
  }),
};

function emailBody(copy: Copy, greeting: string): string {
  return paragraphs(
    greeting,
    copy.description,
    `We're looking for people to interview for a research study, and this short screener survey (${copy.minutes}) helps us find who's a good fit:`,
    copy.url,
    copy.asksForEmail && EMAIL_NOTE,
    `${NEXT_STEP} Either way, thank you for reading.`,
    "Thanks,\n[Your name]",
  );
}
