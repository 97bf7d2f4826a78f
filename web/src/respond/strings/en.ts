// English UI strings of the respondent page (in the entry chunk: the default language).
import type { LanguageStrings } from "../i18n";

const en: LanguageStrings = {
  retry: "Try again",
  notFound: {
    title: "Survey not found",
    body: "This link doesn’t lead to a survey. Check that you copied the whole address.",
  },
  loadFailed: { title: "The survey didn’t load", body: "Check your connection and try again." },
  closedFallback: { title: "This survey is closed", body: "It is no longer accepting responses. Thank you for stopping by." },
  next: "Next",
  back: "Back",
  submit: "Submit",
  saving: "Saving…",
  continue: "Continue",
  required: "required",
  requiredHint: "Questions marked * are required.",
  other: "Other",
  otherSpecify: "Please specify",
  selectPlaceholder: "Select an answer…",
  consentAgree: "I agree",
  pageOf: (page, total) => `Page ${page} of ${total}`,
  aboutMinutes: (minutes) => (minutes === 1 ? "About 1 minute" : `About ${minutes} minutes`),
  lowLabelFallback: "Lowest",
  highLabelFallback: "Highest",
  errors: {
    required: "Please answer this question.",
    matrixRow: (row) => `Please answer “${row}”.`,
    otherEmpty: "Please say what “Other” is.",
    email: "Please enter a valid email address, like name@example.com.",
    number: "Please enter a number.",
    integer: "Please enter a whole number.",
    range: (min, max) =>
      min !== undefined && max !== undefined
        ? `Please enter a value from ${min} to ${max}.`
        : min !== undefined
          ? `Please enter ${min} or more.`
          : `Please enter ${max} or less.`,
    tooFew: (min) => (min === 1 ? "Please select at least one option." : `Please select at least ${min} options.`),
    tooMany: (max) => (max === 1 ? "Please select only one option." : `Please select at most ${max} options.`),
    tooLong: (max) => `Please use at most ${max} characters.`,
    date: "Please enter a valid date.",
    consent: "Please give your consent to continue.",
    fixCount: (count) => (count === 1 ? "Please check 1 answer on this page." : `Please check ${count} answers on this page.`),
    server: "Something went wrong while saving. Your answers are kept on this device — please try again.",
    rejected: "Some answers couldn’t be accepted. Please check them.",
  },
  saved: "Answers saved",
  retrying: "Couldn’t save just now — trying again shortly",
  offline: "You’re offline — your answers are saved on this device and will be sent when you’re back online.",
  notSent: {
    title: "Your answers haven’t been sent yet",
    body: "They are saved on this device. We’ll keep trying to send them — you can also try again now.",
  },
  alreadyResponded: { title: "You’ve already taken part", body: "Thank you — we already have your response to this survey." },
  booking: {
    title: "Pick a time for a short interview",
    body: "You qualify for a follow-up conversation. Choose a time that suits you now — or later, from the link we’ll email you.",
    action: "Pick an interview time",
  },
};

export default en;
