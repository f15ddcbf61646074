/** URL paths built so that an id can never add, remove or change a path segment. */
import { MastodonIllegalArgumentError } from "./errors.js";
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

/**
 * Percent-encodes one path segment. "." and ".." are refused: URL parsers resolve them even
 * when percent-encoded (WHATWG URL treats %2E%2E as ".."), so no encoding keeps them in place.
 */
export function encodeSegment(segment: string): string {
  if (segment === "." || segment === "..") {
    throw new MastodonIllegalArgumentError(`${JSON.stringify(segment)} is not a valid id or name for a URL path`);
  }
  return encodeURIComponent(segment);
}
