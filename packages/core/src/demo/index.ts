// Demo data: re-exports only.
export { generateDemoResponses, type DemoChannel, type DemoOptions, type DemoResponse } from "./generate-demo-responses";
