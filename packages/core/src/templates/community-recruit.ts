/**
 * A short recruiting screener for posting in Facebook groups, subreddits and other
 * online communities. People arrive on a phone from a feed and leave at the first
 * long page, so it is four questions on two short pages, with tappable options.
 * Segments by channel kind let one quota stop a single busy community from filling
 * the whole study. Example audience: home cooks who plan meals — swap in yours.
 */
import type { SurveyTemplate } from "./survey-template";
import {
  allOf,
  answer,
  channel,
  consent,
  disqualifier,
  email,
  multipleChoice,
  option,
  RESEARCH_CONSENT_TEXT,
  researchEndScreens,
  researchSettings,
  shortText,
  singleChoice,
  trap,
  yesNo,
} from "./build";

export const communityRecruitTemplate: SurveyTemplate = {
  id: "community-recruit",
  name: "Community recruiting post (2 minutes)",
  description:
    "A four-question, phone-friendly screener to link from a Facebook group or subreddit post. Segments by " +
    "channel show which community sends people who qualify, and per-channel quotas keep one busy group " +
    "from filling the study. Example audience: home cooks who plan meals.",
  category: "Recruiting screener",
  definition: {
    schemaVersion: 1,
    title: "Do you plan meals for your household?",
    description: "2 minutes. We're looking for home cooks to chat with for 30 minutes ($30 gift card).",
    estimatedMinutes: 2,
    pages: [
      {
        id: "page-screen",
        questions: [
          singleChoice(
            "q-fit",
            "Which sounds most like you?",
            [
              option("opt-fit-planner", "I plan most of our meals ahead each week"),
              option("opt-fit-improviser", "I cook most days, but decide on the day"),
              disqualifier("opt-fit-someone-else", "Someone else at home does the planning"),
              disqualifier("opt-fit-rarely", "I rarely cook at home"),
            ],
            { required: true },
          ),
          multipleChoice(
            "q-apps",
            "What do you use to plan meals or shopping?",
            [
              option("opt-app-paprika", "Paprika"),
              option("opt-app-mealime", "Mealime"),
              option("opt-app-anylist", "AnyList"),
              trap("opt-app-panplanr", "Panplanr"),
              option("opt-app-pinterest", "Pinterest boards"),
              option("opt-app-notes", "Notes app or paper list"),
              option("opt-app-nothing", "Nothing — it's in my head"),
            ],
            { required: true, randomize: true, minSelections: 1 },
          ),
          shortText("q-annoyance", "In a few words: what's the most annoying part of feeding your household?", {
            maxLength: 200,
          }),
        ],
      },
      {
        id: "page-contact",
        questions: [
          yesNo("q-call", "Up for a 30-minute video chat? We'll send a $30 gift card as thanks.", {
            required: true,
            yes: "qualify",
            no: "disqualify",
          }),
          email("q-email", "Your email, so we can find a time", {
            required: true,
            showIf: allOf(answer("q-call", "equals", "yes")),
          }),
          consent("q-consent", "Consent to be contacted", RESEARCH_CONSENT_TEXT, {
            required: true,
            showIf: allOf(answer("q-call", "equals", "yes")),
          }),
        ],
      },
    ],
    segments: [
      {
        id: "seg-planners",
        name: "Weekly planners",
        color: "#059669",
        when: allOf(answer("q-fit", "equals", "opt-fit-planner")),
      },
      {
        id: "seg-improvisers",
        name: "Decide on the day",
        color: "#d97706",
        when: allOf(answer("q-fit", "equals", "opt-fit-improviser")),
      },
      { id: "seg-reddit", name: "From Reddit", color: "#ff4500", when: allOf(channel("is_any_of", ["reddit"])) },
      {
        id: "seg-facebook",
        name: "From Facebook groups",
        color: "#1877f2",
        when: allOf(channel("is_any_of", ["facebook"])),
      },
    ],
    quotas: [
      { id: "quota-overall", name: "All qualified", segmentId: null, cap: 16 },
      { id: "quota-reddit", name: "Reddit", segmentId: "seg-reddit", cap: 8 },
      { id: "quota-facebook", name: "Facebook groups", segmentId: "seg-facebook", cap: 8 },
    ],
    endScreens: researchEndScreens({
      title: "Thanks — you're a great fit!",
      body: "We'll email you within two days to find 30 minutes for a video chat. Nothing to prepare.",
    }),
    settings: researchSettings({
      title: "Home cooks: 2-minute survey, $30 for a 30-min chat",
      description: "Do you plan meals for your household? Help us learn how — 2 minutes, 4 questions.",
    }),
  },
};
