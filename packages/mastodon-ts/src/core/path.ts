/** URL paths built so that an id can never add, remove or change a path segment. */
import { idOf, type IdLike } from "./ids.js";

/**
 * Tagged template for API paths: every interpolated value is turned into an id string
 * (entities give their `id`) and percent-encoded as one segment.
 *
 *   path`/api/v1/statuses/${status}/favourite`
 */
export function path(strings: TemplateStringsArray, ...values: IdLike[]): string {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    out += encodeSegment(idOf(values[i] as IdLike)) + (strings[i + 1] ?? "");
  }
  return out;
}

/** Percent-encodes one path segment, including "." and ".." which URL parsers would resolve. */
export function encodeSegment(segment: string): string {
  if (segment === ".") return "%2E";
  if (segment === "..") return "%2E%2E";
  return encodeURIComponent(segment);
}
