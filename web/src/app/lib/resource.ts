import type { Resource } from "solid-js";

/** The last loaded value, or undefined while errored (reading `.latest` of an errored resource throws). */
export function latestOf<T>(resource: Resource<T>): T | undefined {
  return resource.error ? undefined : resource.latest;
}
