/**
 * Small banks of realistic free-text answers for demo data, by survey theme and by
 * what a question asks (a pain, a switch story, praise, an improvement…). The theme is
 * guessed from the definition's words, the intent from the question's title; anything
 * unrecognised falls back to the generic bank.
 */
import type { Question, SurveyDefinition } from "../survey/definition-schema";
import { allQuestions } from "../survey/all-questions";

/** What a survey is about, as far as its text answers go. */
export type Theme = "work-tools" | "money" | "bookings" | "product" | "meals" | "generic";
/** What a text question asks for. */
export type Intent = "pain" | "story" | "praise" | "improve" | "workaround" | "general";

type Bank = Partial<Record<Intent, readonly string[]>> & { other?: readonly string[] };

const GENERIC: Required<Bank> = {
  pain: [
    "It takes far longer than it should.",
    "Too many steps for something I do every week.",
    "I never know if I'm looking at the latest version.",
    "Things fall through the cracks when I'm busy.",
    "Hard to explain to anyone else how it works.",
  ],
  story: [
    "A friend showed me what they were using and it just clicked.",
    "I hit the same problem three weeks in a row and finally gave up on the old way.",
    "It was a Sunday evening and I realised I had spent two hours on something that should take ten minutes.",
    "Things changed at home and the old way stopped working.",
  ],
  praise: [
    "It saves me time every single week.",
    "Simple, and it does what it says.",
    "I trust it — I don't double-check it any more.",
  ],
  improve: [
    "Make the basics faster.",
    "Better ways to share with other people.",
    "Fewer clicks for the things I do every day.",
    "A decent mobile experience.",
  ],
  workaround: [
    "I keep a separate list and reconcile it at the end of the week.",
    "I message people directly and fix it by hand.",
    "Honestly, I just live with it.",
  ],
  general: ["Nothing to add.", "Happy to talk more on a call.", "It depends a lot on the week.", "Good question!"],
  other: ["Something else", "A mix of things", "It varies"],
};

const THEMES: Record<Exclude<Theme, "generic">, Bank> = {
  "work-tools": {
    pain: [
      "Updating the same status in two tools.",
      "Notifications for everything, so I miss the ones that matter.",
      "Finding where a decision was written down.",
      "Boards get cluttered and nobody archives anything.",
      "Reporting for my manager means exporting to a spreadsheet every Friday.",
      "Permissions — half the team can't see the project they're working on.",
    ],
    workaround: [
      "We keep a weekly status doc outside the tool.",
      "I ping people in Slack instead of commenting on the task.",
    ],
    other: ["Linear", "Wrike", "Smartsheet", "Airtable", "Azure DevOps", "Microsoft Planner"],
  },
  money: {
    pain: [
      "Categorising every transaction by hand.",
      "Bank sync breaks every few weeks.",
      "My partner and I never look at the same numbers.",
      "Irregular expenses always catch me off guard.",
    ],
    story: [
      "Mint shut down and I had a couple of weeks to move everything somewhere else.",
      "We had our first kid and suddenly every month felt tight.",
      "I looked at my credit card statement after the holidays and felt sick.",
      "A thread on r/personalfinance convinced me to try zero-based budgeting.",
      "I got a raise but somehow had less at the end of each month.",
      "We moved in together and needed one place for shared bills.",
    ],
    praise: [
      "I finally know where the money goes.",
      "We stopped arguing about money once we could both see the same numbers.",
      "Ten minutes on a Sunday and I'm done for the week.",
    ],
    workaround: [
      "I keep a spreadsheet next to the app for the things it can't do.",
      "I export everything once a month and fix the categories by hand.",
    ],
    other: ["Tiller", "Rocket Money", "PocketGuard", "Quicken", "Actual Budget"],
  },
  bookings: {
    pain: [
      "No-shows and last-minute cancellations.",
      "Clients booking across time zones at the wrong hour.",
      "Chasing unpaid invoices at the end of the month.",
      "Moving a recurring session means messaging back and forth for days.",
      "Intake forms live in a different tool from the calendar.",
    ],
    workaround: [
      "I called the client, moved it by hand and sent a new invoice.",
      "I refunded the session and rebooked it from scratch — about 20 minutes.",
      "I keep a paper diary as a backup because I don't trust the sync.",
      "I text reminders myself the night before.",
    ],
    other: ["Jane App", "Mindbody", "Vagaro", "Setmore", "Practice Better", "TherapyNotes"],
  },
  product: {
    pain: [
      "Exports take too many clicks, and the CSV needs cleaning afterwards.",
      "Setting up skip logic is confusing the first time.",
      "The results page is slow once a study has a few hundred responses.",
      "I couldn't figure out how quotas interact with segments.",
      "Scheduling emails sometimes landed in spam for our participants.",
    ],
    praise: [
      "Recruiting from Reddit and Facebook groups with tracked links — I finally know which community works.",
      "Screener traps caught a batch of fake respondents on day one.",
      "It's quick to go from a screener to booked interviews.",
      "Self-hosted, so legal signed off in a week.",
      "The channel comparison chart sold my manager on doing more research.",
    ],
    improve: [
      "Better collaboration — comments on questions for my team.",
      "Reusable question banks across studies.",
      "A calendar integration for scheduling.",
      "Translations for the respondent page.",
      "More chart types in the results view.",
    ],
    other: ["Research ops", "Customer success", "Data analyst", "Content designer"],
  },
  meals: {
    pain: [
      "Deciding what to cook every single evening.",
      "Food going off in the fridge before I use it.",
      "Picky kids — one meal never works for everyone.",
      "The weekly shop takes forever.",
      "Running out of ideas by Wednesday.",
    ],
    other: ["Plan to Eat", "Samsung Food", "A shared Google Doc", "Recipe books"],
  },
};

const THEME_KEYWORDS: Record<Exclude<Theme, "generic">, RegExp> = {
  "work-tools": /\b(jira|asana|trello|work-management|sprints?|projects?|boards?)\b/g,
  money: /\b(budget\w*|money|spending|finances?|bank)\b/g,
  bookings: /\b(bookings?|clients?|sessions?|appointments?|scheduling)\b/g,
  product: /\b(recommend|features?|feedback|using (it|sieve))\b/g,
  meals: /\b(meals?|cook\w*|recipes?|groceries|shopping|household)\b/g,
};

/** Guesses a definition's theme from its words (an NPS question means product feedback). Example: `themeOf(def)`. */
export function themeOf(def: SurveyDefinition): Theme {
  const questions = allQuestions(def).map(({ question }) => question);
  if (questions.some((q) => q.type === "nps")) return "product";
  const text = [def.title, def.description, ...questions.map((q) => q.title)].join(" ").toLowerCase();
  let best: Theme = "generic";
  let bestScore = 1; // at least two mentions, so one stray word does not pick a theme
  for (const [theme, pattern] of Object.entries(THEME_KEYWORDS) as [Exclude<Theme, "generic">, RegExp][]) {
    const score = text.match(pattern)?.length ?? 0;
    if (score > bestScore) {
      best = theme;
      bestScore = score;
    }
  }
  return best;
}

const INTENT_PATTERNS: [Intent, RegExp][] = [
  ["workaround", /\b(fix|workaround|what did you do|what do you do)\b/i],
  ["praise", /\b(best at|love|glad)\b/i],
  ["improve", /\b(improve|would it take|missing|wish|9 or 10)\b/i],
  ["story", /\b(moment|story|decided|what happened|the day)\b/i],
  ["pain", /\b(frustrat\w*|annoy\w*|slows?|headache|let you down|went wrong|worst|difficult|hardest)\b/i],
];

/** What a text question asks for, from its title. Example: `intentOf(q) === "pain"`. */
export function intentOf(question: Question): Intent {
  return INTENT_PATTERNS.find(([, pattern]) => pattern.test(question.title))?.[0] ?? "general";
}

/** Answers for a theme and intent: the theme's own, else the generic bank's. */
export function phrasesFor(theme: Theme, intent: Intent): readonly string[] {
  const own = theme === "generic" ? undefined : THEMES[theme][intent];
  return own ?? GENERIC[intent];
}

/** Texts typed into an "Other" field. */
export function otherPhrases(theme: Theme): readonly string[] {
  return (theme === "generic" ? undefined : THEMES[theme].other) ?? GENERIC.other;
}

/** First and last names for demo emails; plain ASCII so every address is valid. */
export const FIRST_NAMES = [
  "alex", "sam", "priya", "jordan", "maria", "chen", "fatima", "lukas", "aisha", "tom",
  "sofia", "kenji", "olivia", "mateo", "nadia", "ben", "leila", "oscar", "hana", "david",
] as const;
export const LAST_NAMES = [
  "garcia", "smith", "nguyen", "okafor", "muller", "rossi", "kim", "patel", "novak", "silva",
  "jensen", "cohen", "tanaka", "murphy", "haddad", "kowalski", "berg", "santos", "ali", "brown",
] as const;
