// Statistics for the results dashboard: re-exports only.
export * from "./normal-quantile";
export * from "./regularized-gamma";
export * from "./wilson-interval";
export * from "./chi-square";
export * from "./nps";
