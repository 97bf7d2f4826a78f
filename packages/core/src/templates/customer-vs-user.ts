/**
 * Customer vs user screener. In B2B software the person who signs off on a tool is
 * often not the person who lives in it all day, and the two want different things
 * (the buyer: cost, control, reporting; the user: speed, fewer clicks). This screener
 * sorts respondents by their part in the purchase and by how often they use the tool,
 * so the interview guide — and the quota — can be split between the two, with the
 * people who are both kept as a third group (the segments do not overlap).
 */
import type { SurveyTemplate } from "./survey-template";
import {
  allOf,
  answer,
  anyOf,
  disqualifier,
  longText,
  multipleChoice,
  option,
  researchEndScreens,
  researchSettings,
  singleChoice,
  trap,
  yesNo,
  interviewContactQuestions,
} from "./build";

const DECIDES = ["opt-decides", "opt-recommends"];
const HANDS_ON = ["opt-use-several-daily", "opt-use-daily", "opt-use-weekly"];

export const customerVsUserTemplate: SurveyTemplate = {
  id: "customer-vs-user",
  name: "Customers vs users (B2B tools)",
  description:
    "Separates the people who choose and pay for a work tool from the people who use it every day, " +
    "with a segment for those who do both. Asks about their part in the purchase, how often they use " +
    "the tool and company size. Edit the tool list to match your market.",
  category: "Recruiting screener",
  definition: {
    schemaVersion: 1,
    title: "How does your team choose and use its work-management tools?",
    description:
      "We're talking to people about how teams pick, pay for and use tools like Asana, Jira or Trello. " +
      "A few quick questions to see if you're a fit for a 30-minute conversation.",
    estimatedMinutes: 4,
    pages: [
      {
        id: "page-about-you",
        title: "About you and your team",
        questions: [
          singleChoice(
            "q-purchase-role",
            "When your team adopts a new tool for planning and tracking work, what's your part in the decision?",
            [
              option("opt-decides", "I make the final call or approve the budget"),
              option("opt-recommends", "I research the options and recommend one"),
              option("opt-consulted", "I'm asked for my opinion, but someone else decides"),
              option("opt-not-involved", "I'm not involved — I use whatever the team picks"),
              disqualifier("opt-no-tool", "My team doesn't use a tool like this"),
            ],
            { required: true },
          ),
          singleChoice(
            "q-usage-frequency",
            "How often do you personally use a work-management tool (tasks, boards, sprints, roadmaps)?",
            [
              option("opt-use-several-daily", "Several times a day"),
              option("opt-use-daily", "About once a day"),
              option("opt-use-weekly", "A few times a week"),
              option("opt-use-monthly", "A few times a month"),
              option("opt-use-rarely", "Rarely — I mostly look at reports or get updates from others"),
            ],
            { required: true },
          ),
          singleChoice(
            "q-company-size",
            "How many people work at your organisation?",
            [
              disqualifier("opt-size-1", "Just me"),
              option("opt-size-2-10", "2–10"),
              option("opt-size-11-50", "11–50"),
              option("opt-size-51-200", "51–200"),
              option("opt-size-201-1000", "201–1,000"),
              option("opt-size-1000-plus", "More than 1,000"),
            ],
            { required: true },
          ),
          yesNo("q-works-for-vendor", "Do you work for a company that makes project or work-management software?", {
            required: true,
            yes: "disqualify",
            help: "We ask so the study hears from teams who use these tools, not the people who build them.",
          }),
        ],
      },
      {
        id: "page-tools",
        title: "Your tools",
        questions: [
          multipleChoice(
            "q-tools",
            "Which of these has your team used in the past 12 months?",
            [
              option("opt-asana", "Asana"),
              option("opt-jira", "Jira"),
              option("opt-trello", "Trello"),
              option("opt-monday", "monday.com"),
              option("opt-notion", "Notion"),
              option("opt-clickup", "ClickUp"),
              trap("opt-trellisync", "Trellisync"),
              option("opt-basecamp", "Basecamp"),
              option("opt-spreadsheets", "Spreadsheets (Excel, Google Sheets)"),
            ],
            { required: true, randomize: true, allowOther: true, minSelections: 1 },
          ),
          singleChoice(
            "q-who-pays",
            "Whose budget pays for the tool your team uses today?",
            [
              option("opt-pays-my-team", "My team's own budget"),
              option("opt-pays-it", "IT or a central procurement team"),
              option("opt-pays-other-dept", "Another department's budget"),
              option("opt-pays-free", "Nobody — we're on a free plan"),
              option("opt-pays-unsure", "I'm not sure"),
            ],
            { required: true, showIf: allOf(answer("q-purchase-role", "includes_any", DECIDES)) },
          ),
          multipleChoice(
            "q-decision-criteria",
            "The last time your team chose a tool, what mattered most? Pick up to three.",
            [
              option("opt-crit-price", "Price per seat"),
              option("opt-crit-ease", "How quickly the team could pick it up"),
              option("opt-crit-integrations", "Integrations with tools we already use"),
              option("opt-crit-security", "Security, permissions and compliance"),
              option("opt-crit-reporting", "Reporting and visibility for managers"),
              option("opt-crit-familiar", "Someone on the team already knew it"),
              option("opt-crit-support", "Support and the vendor's reputation"),
            ],
            {
              required: true,
              allowOther: true,
              maxSelections: 3,
              showIf: allOf(answer("q-purchase-role", "includes_any", [...DECIDES, "opt-consulted"])),
            },
          ),
          longText("q-daily-frustration", "What slows you down most when you use it day to day?", {
            help: "A recent example is perfect — one or two sentences is plenty.",
            maxLength: 1000,
            showIf: allOf(answer("q-usage-frequency", "includes_any", HANDS_ON)),
          }),
        ],
      },
      {
        id: "page-contact",
        title: "A 30-minute conversation",
        questions: [
          ...interviewContactQuestions("Would you be up for a 30-minute video call in the next two weeks? We'll send a $50 gift card as thanks."),
        ],
      },
    ],
    segments: [
      {
        id: "seg-customers",
        name: "Customers: decide, rarely hands-on",
        color: "#2563eb",
        when: allOf(
          answer("q-purchase-role", "includes_any", DECIDES),
          answer("q-usage-frequency", "includes_none", HANDS_ON),
        ),
      },
      {
        id: "seg-users",
        name: "Users: hands-on, don't decide",
        color: "#16a34a",
        when: allOf(
          answer("q-usage-frequency", "includes_any", HANDS_ON),
          answer("q-purchase-role", "includes_none", DECIDES),
        ),
      },
      {
        id: "seg-both",
        name: "Both: decide and use it weekly",
        color: "#9333ea",
        when: allOf(
          answer("q-purchase-role", "includes_any", DECIDES),
          answer("q-usage-frequency", "includes_any", HANDS_ON),
        ),
      },
      {
        id: "seg-larger-teams",
        name: "Company of 51+ people",
        color: "#0891b2",
        when: anyOf(
          answer("q-company-size", "equals", "opt-size-51-200"),
          answer("q-company-size", "equals", "opt-size-201-1000"),
          answer("q-company-size", "equals", "opt-size-1000-plus"),
        ),
      },
    ],
    quotas: [
      { id: "quota-overall", name: "All qualified", segmentId: null, cap: 30 },
      { id: "quota-customers", name: "Customers", segmentId: "seg-customers", cap: 10 },
      { id: "quota-users", name: "Users", segmentId: "seg-users", cap: 10 },
      { id: "quota-both", name: "Both", segmentId: "seg-both", cap: 10 },
    ],
    endScreens: researchEndScreens({
      title: "Thank you — you're a great fit!",
      body:
        "Someone from our research team will email you within two working days to find a time for a " +
        "30-minute video call. There's nothing to prepare: we just want to hear how your team works, " +
        "in your own words.",
    }),
    settings: researchSettings({
      title: "How does your team choose its work tools? (30-min research call, $50 thanks)",
      description:
        "4-minute survey for people who choose, pay for or use tools like Asana, Jira and Trello. " +
        "Selected participants get a $50 gift card for a 30-minute call.",
    }),
  },
};
