/**
 * Persona validation screener. A persona from a workshop is a hypothesis ("independent
 * practitioners who lose hours to rescheduling"); this screener checks it against real
 * people before anyone is interviewed: role, team size, the tools they already pay for,
 * and how often the pain really bites. It also tests the market shape — is the need
 * generic (a mass market, well served by general tools) or specialised (a niche that
 * generic tools leave unserved)? Example persona: solo and small-practice professionals
 * who take bookings from clients.
 */
import type { SurveyTemplate } from "./survey-template";
import {
  allOf,
  answer,
  disqualifier,
  longText,
  multipleChoice,
  numberQuestion,
  option,
  rating,
  researchEndScreens,
  researchSettings,
  singleChoice,
  trap,
  interviewContactQuestions,
} from "./build";

const GENERIC_NEED = "opt-need-generic";
const SPECIALISED_NEED = "opt-need-specialised";

export const personaValidationTemplate: SurveyTemplate = {
  id: "persona-validation",
  name: "Persona validation",
  description:
    "Checks a hypothesised persona against real respondents: role, team size, tools already in use, " +
    "and how often the pain occurs. Splits people into a mass-market segment (generic need) and a niche " +
    "segment (specialised need). Example persona: independent practitioners who take client bookings.",
  category: "Discovery",
  definition: {
    schemaVersion: 1,
    title: "How do you manage client bookings?",
    description:
      "We're learning how coaches, therapists, tutors and trainers handle scheduling and payments. " +
      "Answer a few questions to see if you're a fit for a paid 30-minute conversation.",
    estimatedMinutes: 4,
    pages: [
      {
        id: "page-work",
        title: "Your work",
        questions: [
          singleChoice(
            "q-role",
            "Which best describes how you work with clients?",
            [
              option("opt-role-coach", "Coach or consultant"),
              option("opt-role-therapist", "Therapist, counsellor or other health practitioner"),
              option("opt-role-tutor", "Tutor or music teacher"),
              option("opt-role-trainer", "Personal trainer or fitness instructor"),
              option("opt-role-studio", "I run a small studio or practice with staff"),
              disqualifier("opt-role-none", "I don't see clients myself"),
            ],
            { required: true, allowOther: true },
          ),
          singleChoice(
            "q-team-size",
            "How many people, including you, see clients in your practice?",
            [
              option("opt-team-1", "Just me"),
              option("opt-team-2-5", "2–5"),
              option("opt-team-6-15", "6–15"),
              disqualifier("opt-team-16-plus", "More than 15"),
            ],
            { required: true },
          ),
          numberQuestion("q-sessions-per-week", "Roughly how many client sessions do you run in a typical week?", {
            required: true,
            integer: true,
            min: 0,
            max: 150,
            unit: "sessions",
          }),
        ],
      },
      {
        id: "page-tools-pain",
        title: "Tools and headaches",
        questions: [
          multipleChoice(
            "q-tools",
            "Which of these do you use to take bookings or payments?",
            [
              option("opt-tool-calendly", "Calendly"),
              option("opt-tool-acuity", "Acuity Scheduling"),
              option("opt-tool-simplepractice", "SimplePractice"),
              option("opt-tool-square", "Square Appointments"),
              trap("opt-tool-calendrift", "Calendrift"),
              option("opt-tool-google-calendar", "Google Calendar on its own"),
              option("opt-tool-invoices", "Invoices through Stripe, PayPal or my bank"),
              option("opt-tool-manual", "Messages, a paper diary or a spreadsheet"),
            ],
            { required: true, randomize: true, allowOther: true, minSelections: 1 },
          ),
          rating(
            "q-pain-frequency",
            "How often does scheduling, rescheduling or chasing payments cause you a headache?",
            { required: true, scale: 5, lowLabel: "Almost never", highLabel: "Every day" },
          ),
          singleChoice(
            "q-need",
            "Which is closest to what you need from a booking tool?",
            [
              option(GENERIC_NEED, "Clients pick a time and pay — nothing fancy"),
              option(
                SPECIALISED_NEED,
                "Things general tools handle badly: intake forms, session packages, insurance or privacy rules",
              ),
              disqualifier("opt-need-none", "I don't need a booking tool"),
            ],
            { required: true },
          ),
          singleChoice(
            "q-spend",
            "What do you pay per month, in total, for booking and payment tools?",
            [
              option("opt-spend-0", "Nothing"),
              option("opt-spend-under-20", "Under $20"),
              option("opt-spend-20-50", "$20–50"),
              option("opt-spend-50-100", "$50–100"),
              option("opt-spend-100-plus", "More than $100"),
            ],
            { required: true },
          ),
        ],
      },
      {
        id: "page-detail",
        title: "A little more detail",
        questions: [
          multipleChoice(
            "q-specialised-needs",
            "Which of these do you need that general booking tools don't handle well?",
            [
              option("opt-spec-intake", "Intake or consent forms before the first session"),
              option("opt-spec-packages", "Prepaid packages or session credits"),
              option("opt-spec-insurance", "Insurance claims or superbills"),
              option("opt-spec-privacy", "Privacy rules (HIPAA, GDPR) for client notes"),
              option("opt-spec-groups", "Group sessions or classes with limited spots"),
              option("opt-spec-waitlist", "Waitlists for cancellations"),
            ],
            {
              required: true,
              allowOther: true,
              minSelections: 1,
              showIf: allOf(answer("q-need", "equals", SPECIALISED_NEED)),
            },
          ),
          longText("q-workaround", "The last time a booking went wrong, what did you do to fix it?", {
            help: "What happened, and how long it took you.",
            maxLength: 1000,
            showIf: allOf(answer("q-pain-frequency", "gte", 3)),
          }),
          ...interviewContactQuestions("Would you join a 30-minute video call to tell us more? We'll pay $60 for your time."),
        ],
      },
    ],
    segments: [
      {
        id: "seg-mass",
        name: "Mass market: generic need",
        color: "#64748b",
        when: allOf(answer("q-need", "equals", GENERIC_NEED)),
      },
      {
        id: "seg-niche",
        name: "Niche: specialised need",
        color: "#db2777",
        when: allOf(answer("q-need", "equals", SPECIALISED_NEED)),
      },
      {
        id: "seg-persona-fit",
        name: "Persona fit: solo, pain weekly+",
        color: "#ea580c",
        when: allOf(answer("q-team-size", "equals", "opt-team-1"), answer("q-pain-frequency", "gte", 4)),
      },
    ],
    quotas: [
      { id: "quota-overall", name: "All qualified", segmentId: null, cap: 20 },
      { id: "quota-mass", name: "Mass market", segmentId: "seg-mass", cap: 8 },
      { id: "quota-niche", name: "Niche", segmentId: "seg-niche", cap: 12 },
    ],
    endScreens: researchEndScreens({
      title: "Thank you — you're exactly who we hoped to meet",
      body:
        "We'll email you within two working days to find a time for a 30-minute video call that fits around " +
        "your clients. Nothing to prepare; we'll pay $60 after the call.",
    }),
    settings: researchSettings({
      title: "Coaches, therapists, tutors: how do you handle bookings? ($60 for 30 min)",
      description: "4-minute survey about scheduling and payments for independent practitioners.",
    }),
  },
};
