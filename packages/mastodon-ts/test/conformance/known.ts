/**
 * Known differences: request parameters in which a recording differs from what Mastodon.py 2.2.2
 * sends today, or in which the client deliberately sends more than Mastodon.py, for a stated reason. Only these are tolerated, only where they are listed, and
 * every use is printed in the summary. Anything else that differs fails the cassette.
 */
import type { Cassette, Pair } from "./cassette.ts";
import { matchRoute } from "./calls/core.ts";

export interface KnownDifference {
  /** Cassette folder the difference applies to. */
  readonly folder: string;
  readonly route: string;
  /** Keys the client may send although the recording lacks them. */
  readonly extra: readonly string[];
  readonly reason: string;
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    folder: "cassettes_pre_4_0_0",
    route: "POST /api/v1/accounts/:id/follow",
    extra: ["notify"],
    reason: "recorded by a Mastodon.py older than account_follow's notify parameter (Mastodon 3.3); "
      + "Mastodon.py 2.2.2 sends notify=0 by default, as every follow in cassettes/ shows",
  },
  ...["cassettes", "cassettes_entity_tests"].flatMap((folder) => ["POST", "PUT"].map((verb) => ({
    folder,
    route: `${verb} /api/v1/push/subscription`,
    extra: ["data[policy]"],
    reason: "deliberate: the docs put the policy at data[policy]; Mastodon.py sends only a top-level policy, "
      + "which the server ignores (test_push_set asks for policy none and gets all). The client sends both.",
  }))),
  {
    folder: "cassettes_pre_2_9_2",
    route: "GET /api/v2/search",
    extra: ["exclude_unreviewed"],
    reason: "the recording has no instance lookup, so the replay cannot tell the client that the server was "
      + "2.9.1; Mastodon.py knew it from its constructor and left out exclude_unreviewed (added in 3.0)",
  },
];

/** The known differences that apply to a cassette. */
export function knownDifferencesFor(cassette: Pick<Cassette, "folder">): KnownDifference[] {
  return KNOWN_DIFFERENCES.filter((known) => known.folder === cassette.folder);
}

/** Drops the tolerated extra pairs of a request; returns them too, to report their use. */
export function tolerate(
  known: readonly KnownDifference[], request: { method: string; path: string }, expected: readonly Pair[], actual: readonly Pair[],
): { actual: Pair[]; used: KnownDifference[] } {
  const used: KnownDifference[] = [];
  let kept = [...actual];
  for (const difference of known) {
    if (!matchRoute(difference.route, request)) continue;
    const before = kept.length;
    kept = kept.filter((pair) => !difference.extra.includes(pair.key) || expected.some((p) => p.key === pair.key));
    if (kept.length < before) used.push(difference);
  }
  return { actual: kept, used };
}
