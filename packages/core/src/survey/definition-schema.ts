/**
 * The survey definition: the JSON document a researcher edits and a published
 * SurveyVersion freezes. Schemas here check *shape* (types, lengths, formats) so a
 * draft can always be saved; the publish-time semantic checks (duplicate ids,
 * dangling logic, impossible ranges) live in `validate-definition.ts`.
 *
 * Each concept is exported as a schema and its inferred type, as a pair.
 */
import { z } from "zod";

/** Ids are chosen by the editor, stable across versions, and safe in URLs and CSV headers. Example: `"q_role-1"`. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Use 1–64 letters, digits, '_' or '-'")
  // Answers are plain objects keyed by question id; this one key would set a prototype.
  .refine((id) => id !== "__proto__", "This id is reserved");
/** An id of a page, question, option, segment or quota. */
export type Id = z.infer<typeof IdSchema>;

// ---------------------------------------------------------------------------
// Logic: show-if conditions and segment rules share one recursive shape.

/** Operators a condition may apply to an answer. Example: `"includes_any"`. */
export const AnswerOperatorSchema = z.enum([
  "answered",
  "not_answered",
  "equals",
  "not_equals",
  "includes_any",
  "includes_all",
  "includes_none",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
]);
/** An operator over an answer. */
export type AnswerOperator = z.infer<typeof AnswerOperatorSchema>;

/** Operators over the respondent's channel (matched against its code or its kind). */
export const ChannelOperatorSchema = z.enum(["is_any_of", "is_none_of"]);
/** An operator over the respondent's channel. */
export type ChannelOperator = z.infer<typeof ChannelOperatorSchema>;

/** The comparison value of an answer condition: an option id, text, number, boolean or a list of option ids. */
export const ConditionValueSchema = z.union([
  z.string().max(1000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(1000)).max(100),
]);
/** The comparison value of an answer condition. */
export type ConditionValue = z.infer<typeof ConditionValueSchema>;

/** A condition on one earlier answer. Example: `{ source: "answer", questionId: "role", operator: "equals", value: "pm" }`. */
export const AnswerConditionSchema = z.object({
  source: z.literal("answer"),
  questionId: IdSchema,
  operator: AnswerOperatorSchema,
  value: ConditionValueSchema.optional(),
});
/** A condition on one answer. */
export type AnswerCondition = z.infer<typeof AnswerConditionSchema>;

/** A condition on the tracked link the respondent came through. Example: `{ source: "channel", operator: "is_any_of", values: ["reddit"] }`. */
export const ChannelConditionSchema = z.object({
  source: z.literal("channel"),
  operator: ChannelOperatorSchema,
  values: z.array(z.string().min(1).max(100)).max(100),
});
/** A condition on the respondent's channel (code or kind). */
export type ChannelCondition = z.infer<typeof ChannelConditionSchema>;

/** A single (non-group) condition. */
export const ConditionSchema = z.discriminatedUnion("source", [AnswerConditionSchema, ChannelConditionSchema]);
/** A single (non-group) condition. */
export type Condition = z.infer<typeof ConditionSchema>;

/** An and/or group of conditions and nested groups. Example: `{ op: "and", conditions: [] }` (empty groups hold). */
export type ConditionGroup = {
  op: "and" | "or";
  conditions: (Condition | ConditionGroup)[];
};
/** Schema of a recursive condition group (zod 4 getter pattern). */
export const ConditionGroupSchema: z.ZodType<ConditionGroup, ConditionGroup> = z.object({
  op: z.enum(["and", "or"]),
  get conditions() {
    return z.array(z.union([ConditionSchema, ConditionGroupSchema])).max(50);
  },
});

// ---------------------------------------------------------------------------
// Questions

/** A screener effect on a choice option; `null` means neutral. */
export const OptionEffectSchema = z.enum(["qualify", "disqualify", "trap"]).nullable();
/** A screener effect on a choice option. */
export type OptionEffect = z.infer<typeof OptionEffectSchema>;

/** A choice option. Example: `{ id: "pm", label: "Product manager", effect: "qualify" }`. */
export const OptionSchema = z.object({
  id: IdSchema,
  label: z.string().trim().min(1).max(300),
  effect: OptionEffectSchema.default(null),
});
/** A choice option with its screener effect. */
export type Option = z.infer<typeof OptionSchema>;

/** A matrix row or column. Example: `{ id: "price", label: "Price" }`. */
export const MatrixItemSchema = z.object({ id: IdSchema, label: z.string().trim().min(1).max(300) });
/** A matrix row or column. */
export type MatrixItem = z.infer<typeof MatrixItemSchema>;

/** Every question type. */
export const QuestionTypeSchema = z.enum([
  "single_choice",
  "multiple_choice",
  "dropdown",
  "yes_no",
  "short_text",
  "long_text",
  "email",
  "number",
  "rating",
  "nps",
  "matrix",
  "date",
  "consent",
  "statement",
]);
/** A question type. */
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

/** Longest text answer accepted, whatever a question's maxLength says. */
export const TEXT_ANSWER_HARD_CAP = 10000;

const shortLabel = z.string().trim().max(100);
const isoDate = z.iso.date();

/**
 * Builds the question union over an option schema, so the public definition can
 * reuse every rule with options that carry no `effect`.
 */
export function buildQuestionSchema<O extends z.ZodType<{ id: string; label: string }>, Y extends z.ZodType>(
  option: O,
  yesNoOptions: Y,
) {
  const base = {
    id: IdSchema,
    title: z.string().trim().min(1).max(500),
    help: z.string().max(1000).optional(),
    required: z.boolean().default(false),
    showIf: ConditionGroupSchema.optional(),
  };
  const choice = {
    ...base,
    options: z.array(option).max(100),
    randomize: z.boolean().default(false),
    allowOther: z.boolean().default(false),
  };
  const textMax = z.number().int().min(1).max(TEXT_ANSWER_HARD_CAP).optional();

  return z.discriminatedUnion("type", [
    z.object({ ...choice, type: z.literal("single_choice") }),
    z.object({
      ...choice,
      type: z.literal("multiple_choice"),
      minSelections: z.number().int().min(0).max(100).optional(),
      maxSelections: z.number().int().min(1).max(100).optional(),
    }),
    z.object({ ...choice, type: z.literal("dropdown") }),
    z.object({
      ...base,
      type: z.literal("yes_no"),
      options: yesNoOptions,
    }),
    z.object({ ...base, type: z.literal("short_text"), maxLength: textMax }),
    z.object({ ...base, type: z.literal("long_text"), maxLength: textMax }),
    z.object({ ...base, type: z.literal("email") }),
    z.object({
      ...base,
      type: z.literal("number"),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().default(false),
      unit: z.string().trim().max(20).optional(),
    }),
    z.object({
      ...base,
      type: z.literal("rating"),
      scale: z.number().int().min(3).max(10).default(5),
      lowLabel: shortLabel.optional(),
      highLabel: shortLabel.optional(),
    }),
    z.object({ ...base, type: z.literal("nps"), lowLabel: shortLabel.optional(), highLabel: shortLabel.optional() }),
    z.object({
      ...base,
      type: z.literal("matrix"),
      rows: z.array(MatrixItemSchema).min(1).max(50),
      columns: z.array(MatrixItemSchema).min(2).max(20),
    }),
    z.object({ ...base, type: z.literal("date"), min: isoDate.optional(), max: isoDate.optional() }),
    z.object({ ...base, type: z.literal("consent"), text: z.string().trim().min(1).max(5000) }),
    z.object({ ...base, type: z.literal("statement"), body: z.string().max(5000).default("") }),
  ]);
}

/** One question of any type, discriminated on `type`. Example: `{ id: "role", type: "single_choice", title: "Your role?", options: [] }`. */
export const QuestionSchema = buildQuestionSchema(
  OptionSchema,
  // yes/no carries real options (fixed ids) so screener effects work exactly as for choices.
  z.tuple([OptionSchema.extend({ id: z.literal("yes") }), OptionSchema.extend({ id: z.literal("no") })]).prefault([
    { id: "yes", label: "Yes" },
    { id: "no", label: "No" },
  ]),
);
/** One question of any type. */
export type Question = z.infer<typeof QuestionSchema>;
/** The question variant of one type. Example: `QuestionOf<"number">`. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** A page of questions shown together. Example: `{ id: "p1", questions: [] }`. */
export const PageSchema = z.object({
  id: IdSchema,
  title: z.string().trim().max(200).optional(),
  questions: z.array(QuestionSchema).max(100),
});
/** A page of questions. */
export type Page = z.infer<typeof PageSchema>;

// ---------------------------------------------------------------------------
// Segments, quotas, end screens, settings

/** A named audience, e.g. "Customers: decides the purchase". A response may fall in several. */
export const SegmentSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a #rrggbb colour"),
  when: ConditionGroupSchema,
});
/** A named audience defined by a condition group. */
export type Segment = z.infer<typeof SegmentSchema>;

/** A cap on qualified completes, overall (`segmentId: null`) or per segment. */
export const QuotaSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(80),
  segmentId: IdSchema.nullable(),
  cap: z.number().int().min(1),
});
/** A cap on qualified completes. */
export type Quota = z.infer<typeof QuotaSchema>;

/** A redirect target; only http(s) so an end screen can never run `javascript:`. */
export const RedirectUrlSchema = z.url({ protocol: /^https?$/ }).max(2000);

/** What the respondent sees when the survey ends. The body is plain text (the UI links URLs, never renders HTML). */
export const EndScreenSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(5000).default(""),
  redirectUrl: RedirectUrlSchema.optional(),
});
/** One end screen. */
export type EndScreen = z.infer<typeof EndScreenSchema>;

/** English end screens used until the researcher writes their own. */
export const DEFAULT_END_SCREENS = {
  qualified: { title: "Thank you!", body: "Your answers have been recorded. We may be in touch soon." },
  disqualified: {
    title: "Thank you for your time",
    body: "Unfortunately you are not a match for this study. We appreciate your help.",
  },
  over_quota: {
    title: "Thank you for your interest",
    body: "We have already heard from enough people like you for this study.",
  },
  closed: { title: "This survey is closed", body: "It is no longer accepting responses. Thank you for stopping by." },
} as const;

/** The four end screens, keyed by how the response ended. */
export const EndScreensSchema = z.object({
  qualified: EndScreenSchema.prefault(DEFAULT_END_SCREENS.qualified),
  disqualified: EndScreenSchema.prefault(DEFAULT_END_SCREENS.disqualified),
  over_quota: EndScreenSchema.prefault(DEFAULT_END_SCREENS.over_quota),
  closed: EndScreenSchema.prefault(DEFAULT_END_SCREENS.closed),
});
/** The four end screens. */
export type EndScreens = z.infer<typeof EndScreensSchema>;

/** Languages of the respondent page's UI strings. */
export const LanguageSchema = z.enum(["en", "de", "fr", "es"]);
/** A respondent UI language. */
export type Language = z.infer<typeof LanguageSchema>;

/** Survey-wide settings. Example: `{ responseLimit: 200, language: "en" }` (everything else defaults). */
export const SettingsSchema = z.object({
  responseLimit: z.number().int().min(1).nullable().default(null),
  closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
  onePerPerson: z.boolean().default(false),
  collectEmail: z.boolean().default(false),
  consentText: z.string().trim().max(5000).default(""),
  language: LanguageSchema.default("en"),
  linkPreview: z
    .object({ title: z.string().trim().max(200).optional(), description: z.string().trim().max(500).optional() })
    .prefault({}),
});
/** Survey-wide settings. */
export type Settings = z.infer<typeof SettingsSchema>;

/** The whole survey definition (version 1). Parse drafts with it; run `validateDefinition` before publishing. */
export const SurveyDefinitionSchema = z.object({
  schemaVersion: z.literal(1),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(""),
  estimatedMinutes: z.number().int().min(1).max(120).default(3),
  pages: z.array(PageSchema).max(50),
  segments: z.array(SegmentSchema).max(50).default([]),
  quotas: z.array(QuotaSchema).max(50).default([]),
  endScreens: EndScreensSchema.prefault({}),
  settings: SettingsSchema.prefault({}),
});
/** A parsed survey definition (defaults applied). */
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;
/** What a client may send before defaults are applied. */
export type SurveyDefinitionInput = z.input<typeof SurveyDefinitionSchema>;
