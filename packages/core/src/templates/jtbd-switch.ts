/**
 * Jobs-to-be-done switch screener. A switch interview reconstructs the story of one
 * purchase: what people used before, what pushed them away from it, what pulled them
 * to something new, what almost held them back and how long it all took. Memories of
 * that story fade quickly, so only recent switchers qualify, alongside people who are
 * shopping right now (they are mid-story). Example domain: budgeting apps — swap in yours.
 */
import type { SurveyTemplate } from "./survey-template";
import {
  allOf,
  answer,
  disqualifier,
  longText,
  multipleChoice,
  option,
  researchEndScreens,
  researchSettings,
  singleChoice,
  trap,
  interviewContactQuestions,
} from "./build";

const SWITCHED = "opt-switched";
const CONSIDERING = "opt-considering";

export const jtbdSwitchTemplate: SurveyTemplate = {
  id: "jtbd-switch",
  name: "Jobs-to-be-done switch screener",
  description:
    "Finds people who switched to a new solution in the last six months or are shopping for one now, " +
    "and captures the outline of their switch story: what they used before, what pushed them, what " +
    "almost stopped them and how long it took. Example domain: budgeting apps.",
  category: "Recruiting screener",
  definition: {
    schemaVersion: 1,
    title: "Changed how you budget recently? Tell us the story",
    description:
      "We're researching why people change the way they manage their money. If you switched apps or methods " +
      "recently — or are thinking about it — we'd love to hear from you.",
    estimatedMinutes: 5,
    pages: [
      {
        id: "page-situation",
        title: "Your situation",
        questions: [
          singleChoice(
            "q-switch-status",
            "Which of these best describes you?",
            [
              option(SWITCHED, "I started using a new budgeting app or method in the last year"),
              option(CONSIDERING, "I'm actively looking for a better way to budget right now"),
              disqualifier("opt-no-change", "I'm happy with how I budget and I'm not looking to change"),
              disqualifier("opt-no-budget", "I don't really keep track of my spending"),
            ],
            { required: true },
          ),
          multipleChoice(
            "q-apps-used",
            "Which of these have you ever used to manage your money?",
            [
              option("opt-ynab", "YNAB (You Need A Budget)"),
              option("opt-monarch", "Monarch Money"),
              option("opt-mint", "Mint"),
              option("opt-copilot", "Copilot Money"),
              option("opt-goodbudget", "Goodbudget"),
              option("opt-everydollar", "EveryDollar"),
              trap("opt-ledgerlark", "Ledgerlark"),
              option("opt-bank-app", "My bank's own app"),
              option("opt-spreadsheet", "A spreadsheet"),
              option("opt-none-of-these", "None of these"),
            ],
            { required: true, randomize: true, allowOther: true, minSelections: 1 },
          ),
        ],
      },
      {
        id: "page-before-after",
        title: "Before and after",
        questions: [
          singleChoice(
            "q-switch-when",
            "When did you make the change?",
            [
              option("opt-when-1m", "In the last month"),
              option("opt-when-3m", "1–3 months ago"),
              option("opt-when-6m", "3–6 months ago"),
              disqualifier("opt-when-older", "More than 6 months ago"),
            ],
            {
              required: true,
              help: "Roughly is fine.",
              showIf: allOf(answer("q-switch-status", "equals", SWITCHED)),
            },
          ),
          singleChoice(
            "q-before",
            "Before this change, what did you mostly rely on?",
            [
              option("opt-before-app", "A different budgeting app"),
              option("opt-before-spreadsheet", "A spreadsheet I set up myself"),
              option("opt-before-bank", "Checking my bank app now and then"),
              option("opt-before-paper", "Pen and paper or cash envelopes"),
              option("opt-before-nothing", "Nothing in particular — I kept it in my head"),
            ],
            { required: true, allowOther: true },
          ),
          multipleChoice(
            "q-push",
            "What pushed you to look for something new?",
            [
              option("opt-push-overspend", "I kept overspending and only noticed at the end of the month"),
              option("opt-push-time", "The old way took too much time every month"),
              option("opt-push-life-event", "A life change — new job, move, baby, wedding, or separation"),
              option("opt-push-shutdown", "My previous app shut down, changed or got more expensive"),
              option("opt-push-partner", "I wanted to manage money together with a partner"),
              option("opt-push-goal", "I started saving for something specific"),
              option("opt-push-recommended", "A friend or an online community recommended something"),
            ],
            { required: true, randomize: true, allowOther: true, minSelections: 1 },
          ),
          multipleChoice(
            "q-almost-stopped",
            "What almost stopped you — or is holding you back?",
            [
              option("opt-anx-bank-link", "Worry about connecting my bank accounts"),
              option("opt-anx-price", "Paying for another subscription"),
              option("opt-anx-setup", "The time it takes to set up and move my history over"),
              option("opt-anx-better", "Not being sure it would really be better"),
              option("opt-anx-household", "Getting my partner or household on board"),
              option("opt-anx-nothing", "Nothing really held me back"),
            ],
            { required: true, allowOther: true, minSelections: 1 },
          ),
        ],
      },
      {
        id: "page-timeline",
        title: "The timeline",
        questions: [
          singleChoice(
            "q-timeline-switched",
            "How long was it between first thinking “I need a better way” and actually switching?",
            [
              option("opt-tl-days", "A few days"),
              option("opt-tl-weeks", "A few weeks"),
              option("opt-tl-months", "A few months"),
              option("opt-tl-year", "A year or more"),
            ],
            { required: true, showIf: allOf(answer("q-switch-status", "equals", SWITCHED)) },
          ),
          singleChoice(
            "q-timeline-considering",
            "How long have you been looking, and when do you expect to decide?",
            [
              option("opt-tlc-just-started", "I only just started looking"),
              option("opt-tlc-weeks", "A few weeks in — I'll probably decide this month"),
              option("opt-tlc-months", "Months — I keep putting it off"),
              option("opt-tlc-trial", "I'm trialling something right now"),
            ],
            { required: true, showIf: allOf(answer("q-switch-status", "equals", CONSIDERING)) },
          ),
          longText(
            "q-story",
            "Think back to the moment you decided to change. What happened that day?",
            {
              help: "Where were you, what had just happened, who else was involved? A few sentences is perfect.",
              maxLength: 1500,
            },
          ),
        ],
      },
      {
        id: "page-contact",
        title: "A 30-minute conversation",
        questions: [
          ...interviewContactQuestions("Would you walk us through your story on a 30-minute video call? We'll send a $40 gift card as thanks."),
        ],
      },
    ],
    segments: [
      {
        id: "seg-switchers",
        name: "Recent switchers",
        color: "#0ea5e9",
        when: allOf(answer("q-switch-status", "equals", SWITCHED)),
      },
      {
        id: "seg-considering",
        name: "Considering a switch",
        color: "#f59e0b",
        when: allOf(answer("q-switch-status", "equals", CONSIDERING)),
      },
      {
        id: "seg-price-push",
        name: "Pushed by price or a shutdown",
        color: "#e11d48",
        when: allOf(answer("q-push", "includes_any", ["opt-push-shutdown"])),
      },
    ],
    quotas: [
      { id: "quota-overall", name: "All qualified", segmentId: null, cap: 20 },
      { id: "quota-switchers", name: "Recent switchers", segmentId: "seg-switchers", cap: 12 },
      { id: "quota-considering", name: "Considering", segmentId: "seg-considering", cap: 8 },
    ],
    endScreens: researchEndScreens({
      title: "Thank you — we'd love to hear your story",
      body:
        "We'll email you within two working days to find a time for a 30-minute video call. There are no " +
        "right or wrong answers: we'll simply ask you to walk us through what happened, step by step.",
    }),
    settings: researchSettings({
      title: "Switched budgeting apps recently? Share your story ($40 for a 30-min call)",
      description:
        "5-minute survey for people who changed how they budget in the last six months, or are about to.",
    }),
  },
};
