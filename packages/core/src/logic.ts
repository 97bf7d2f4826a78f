/**
 * `@sieve/core/logic` — the zod-free part of core for the respondent page: skip logic,
 * option shuffling and answer helpers. Importing the package root would also build every
 * schema at load time, which the tiny respondent bundle cannot afford.
 * `pnpm lint` checks that nothing reachable from here imports zod at run time.
 */
export { visibleQuestions, visibleAnswers, visibility } from "./screener/visible-questions";
export { evaluateCondition } from "./screener/condition";
export { shuffleOptions } from "./survey/shuffle-options";
export { answerOf, isAnswered } from "./survey/answer-value";
export { uuidV7 } from "./ids/uuid-v7";
