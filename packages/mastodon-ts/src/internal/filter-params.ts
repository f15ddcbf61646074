/** Argument checks shared by the v1 and v2 filter methods. */
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { FILTER_CONTEXTS } from "./filter-apply.js";
import { listOf, type OneOrMany } from "./notification-params.js";

export type FilterContext = (typeof FILTER_CONTEXTS)[number] | (string & {});

/** The contexts as a list, each checked; at least one is required when `required`. */
export function filterContexts(value: OneOrMany | null | undefined, required: boolean): string[] | undefined {
  const contexts = listOf(value);
  if (contexts === undefined || contexts.length === 0) {
    if (required) throw new MastodonIllegalArgumentError(`context must name at least one of ${FILTER_CONTEXTS.join(", ")}`);
    return undefined;
  }
  for (const context of contexts) {
    if (!(FILTER_CONTEXTS as readonly string[]).includes(context)) {
      throw new MastodonIllegalArgumentError(`context must be one of ${FILTER_CONTEXTS.join(", ")}; got ${JSON.stringify(context)}`);
    }
  }
  return contexts;
}

/** `expires_in` in seconds: a positive whole number, or not given. */
export function expiresIn(value: number | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value <= 0) {
    throw new MastodonIllegalArgumentError(`expires_in must be a positive whole number of seconds, got ${String(value)}`);
  }
  return value;
}
