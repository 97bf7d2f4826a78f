/**
 * Product feedback with NPS. A score alone says little; what makes it useful is the
 * follow-up: detractors say what went wrong, promoters say what they would tell a
 * colleague, and a feature-usage grid shows which parts of the product the score is
 * really about. Respondents who agree to a call are qualified for an interview, so the
 * same survey recruits detractors and promoters to talk to. Written for Sieve itself as
 * an example — swap in your product and feature names.
 */
import type { SurveyTemplate } from "./survey-template";
import {
  allOf,
  answer,
  consent,
  disqualifier,
  email,
  item,
  longText,
  matrix,
  multipleChoice,
  nps,
  option,
  RESEARCH_CONSENT_TEXT,
  researchEndScreens,
  researchSettings,
  singleChoice,
  trap,
  yesNo,
} from "./build";

const WANTS_CALL = allOf(answer("q-follow-up", "equals", "yes"));

export const productFeedbackNpsTemplate: SurveyTemplate = {
  id: "product-feedback-nps",
  name: "Product feedback with NPS",
  description:
    "Net Promoter Score with follow-up questions for detractors (0–6) and promoters (9–10), a feature-usage " +
    "grid, and an opt-in for a 30-minute call. Segments split promoters, passives and detractors. " +
    "Written for Sieve as an example: swap in your product and features.",
  category: "Product feedback",
  definition: {
    schemaVersion: 1,
    title: "How is Sieve working for you?",
    description:
      "Five minutes of honest feedback helps us decide what to build next. Every answer is read by the product team.",
    estimatedMinutes: 5,
    pages: [
      {
        id: "page-score",
        title: "Your overall view",
        questions: [
          nps("q-nps", "How likely are you to recommend Sieve to a colleague or friend?", {
            required: true,
            lowLabel: "Not at all likely",
            highLabel: "Extremely likely",
          }),
          singleChoice(
            "q-tenure",
            "How long have you been using Sieve?",
            [
              option("opt-tenure-new", "Less than a month"),
              option("opt-tenure-1-6", "1–6 months"),
              option("opt-tenure-6-12", "6–12 months"),
              option("opt-tenure-12-plus", "More than a year"),
              disqualifier("opt-tenure-never", "I haven't used Sieve yet"),
            ],
            { required: true },
          ),
          singleChoice(
            "q-role",
            "Which best describes your role?",
            [
              option("opt-role-researcher", "UX or user researcher"),
              option("opt-role-pm", "Product manager"),
              option("opt-role-designer", "Designer"),
              option("opt-role-founder", "Founder"),
              option("opt-role-marketing", "Marketing or growth"),
            ],
            { required: true, allowOther: true },
          ),
        ],
      },
      {
        id: "page-why",
        title: "Tell us more",
        questions: [
          longText("q-detractor-reason", "Sorry to hear it. What is the one thing that let you down most?", {
            help: "Specifics help most: what you were trying to do and what got in the way.",
            maxLength: 2000,
            showIf: allOf(answer("q-nps", "lte", 6)),
          }),
          longText("q-passive-reason", "What would it take for you to give us a 9 or 10?", {
            maxLength: 2000,
            showIf: allOf(answer("q-nps", "gte", 7), answer("q-nps", "lte", 8)),
          }),
          longText("q-promoter-reason", "Glad to hear it! What would you tell a colleague Sieve is best at?", {
            maxLength: 2000,
            showIf: allOf(answer("q-nps", "gte", 9)),
          }),
          matrix(
            "q-feature-usage",
            "How often do you use each of these?",
            [
              item("row-screener", "Screener logic (qualify, disqualify, traps)"),
              item("row-segments", "Segments and quotas"),
              item("row-channels", "Tracked links for communities"),
              item("row-results", "Results and charts"),
              item("row-scheduling", "Interview scheduling"),
              item("row-export", "CSV export"),
            ],
            [
              item("col-never", "Never"),
              item("col-tried", "Tried it once or twice"),
              item("col-monthly", "Monthly"),
              item("col-weekly", "Weekly"),
              item("col-every-study", "In every study"),
            ],
            { required: true },
          ),
          multipleChoice(
            "q-statements",
            "Which of these are true for you?",
            [
              option("opt-stmt-share", "I share results with stakeholders as charts or exports"),
              option("opt-stmt-multi-channel", "I recruit in more than one community for the same study"),
              option("opt-stmt-book", "I book interviews with qualified respondents from Sieve"),
              trap("opt-stmt-teleport", "I use the Sieve Teleport feature weekly"),
              option("opt-stmt-templates", "I start most surveys from a template"),
              option("opt-stmt-none", "None of these"),
            ],
            { required: true, randomize: true, minSelections: 1 },
          ),
        ],
      },
      {
        id: "page-follow-up",
        title: "One last thing",
        questions: [
          yesNo(
            "q-follow-up",
            "Could we follow up with a 30-minute video call about your answers? We'll send a $50 gift card as thanks.",
            { required: true },
          ),
          email("q-email", "What email should we use to schedule the call?", {
            required: true,
            help: "Only used to arrange this conversation.",
            showIf: WANTS_CALL,
          }),
          consent("q-consent", "Consent to be contacted", RESEARCH_CONSENT_TEXT, {
            required: true,
            showIf: WANTS_CALL,
          }),
        ],
      },
    ],
    segments: [
      { id: "seg-promoters", name: "Promoters (9–10)", color: "#16a34a", when: allOf(answer("q-nps", "gte", 9)) },
      {
        id: "seg-passives",
        name: "Passives (7–8)",
        color: "#ca8a04",
        when: allOf(answer("q-nps", "gte", 7), answer("q-nps", "lte", 8)),
      },
      { id: "seg-detractors", name: "Detractors (0–6)", color: "#dc2626", when: allOf(answer("q-nps", "lte", 6)) },
    ],
    quotas: [
      { id: "quota-overall", name: "All qualified", segmentId: null, cap: 300 },
      { id: "quota-promoters", name: "Promoters", segmentId: "seg-promoters", cap: 120 },
    ],
    endScreens: researchEndScreens({
      title: "Thank you for your feedback",
      body:
        "The product team reads every answer. If you said yes to a call, we'll email you within a week to find " +
        "30 minutes that suit you.",
    }),
    settings: researchSettings({
      title: "How is Sieve working for you? (5-minute feedback survey)",
      description: "Tell the Sieve team what works, what doesn't, and what to build next.",
    }),
  },
};
