// The respondent page's only runtime imports from @sieve/core: the zod-free `logic`
// entry. The package root builds every schema at load time (see packages/core/src/logic.ts).
export { visibleQuestions, shuffleOptions, isAnswered, uuidV7 } from "@sieve/core/logic";
