/** The conformance summary: counts, the seed methods' share, and every cassette that does not pass. */
import { IGNORED_KEYS, type Cassette } from "./cassette.ts";
import { findCall, type CallEnv, type Statics } from "./calls.ts";
import { COMPOUND_CALLS } from "./compound.ts";
import type { CassetteResult } from "./driver.ts";

/** The methods of the seed issue (issue 2): the first slice of the client. */
export const SEED_METHODS: ReadonlySet<string> = new Set([
  "instance", "timeline", "timelineHome", "timelineLocal", "timelinePublic", "timelineHashtag", "status", "statusContext",
  "statusRebloggedBy", "statusFavouritedBy", "statusCard", "notifications", "account", "accountVerifyCredentials",
  "accountStatuses", "accountFollowing", "accountFollowers", "accountRelationships", "accountSearch", "follows", "favourites",
  "followRequests", "search", "mutes", "blocks", "reports", "domainBlocks", "statusPost", "toot", "statusReblog",
  "statusUnreblog", "statusFavourite", "statusUnfavourite", "statusMute", "statusUnmute", "statusDelete", "notificationsClear",
  "notificationsDismiss", "accountFollow", "accountUnfollow", "accountBlock", "accountUnblock", "accountMute", "accountUnmute",
  "accountUpdateCredentials", "followRequestAuthorize", "followRequestReject", "mediaPost", "report", "domainBlock",
  "domainUnblock", "fetchNext", "fetchPrevious", "fetchRemaining", "paginationIterator", "getPaginationInfo",
  "createApp", "logIn", "revokeAccessToken", "authRequestUrl",
]);

const methodName = (name: string) => name.replace(/^Mastodon\./, "");

/** The methods the call table would use for a cassette, read from its requests alone. */
export function plannedMethods(cassette: Cassette): Set<string> {
  const env: CallEnv = {
    cassette, statics: {} as Statics, entity: () => undefined,
    fetch: () => Promise.reject(new Error("planning only")),
  };
  const methods = new Set<string>();
  cassette.interactions.forEach((_, i) => {
    const found = findCall(cassette.interactions, i, env, COMPOUND_CALLS) ?? findCall(cassette.interactions, i, env);
    if (found) methods.add(methodName(found.entry.method));
  });
  return methods;
}

export interface CassetteOutcome {
  readonly result: CassetteResult;
  /** Every call of the cassette is a seed method: it is in the seed issue's scope. */
  readonly seedOnly: boolean;
  /** Some call of the cassette is a seed method. */
  readonly seedAny: boolean;
}

export function summarise(results: ReadonlyMap<string, CassetteOutcome>): string {
  const all = [...results];
  const passes = ([, { result }]: [string, CassetteOutcome]) => result.status === "pass";
  const passing = all.filter(passes);
  const exercisable = all.filter(([, { result }]) => result.status !== "not-exercisable");
  const seedOnly = all.filter(([, r]) => r.seedOnly);
  const seedAny = all.filter(([, r]) => r.seedAny);
  const exercised = new Set(passing.flatMap(([, { result }]) => [...result.methods].map(methodName)));
  const unexercised = [...SEED_METHODS].filter((name) => !exercised.has(name));
  const lines = [
    "",
    `conformance: ${passing.length} passing / ${exercisable.length} exercisable (of ${all.length} cassettes); `
      + `seed-method cassettes: ${seedOnly.filter(passes).length} / ${seedOnly.length}`,
    `  (seed-method cassettes: those whose every call is a seed method; cassettes using a seed method among others: `
      + `${seedAny.filter(passes).length} / ${seedAny.length} passing)`,
    `  seed methods no passing cassette exercises: ${unexercised.join(", ") || "none"}`,
    `  compared: method, origin, path (trailing "/" ignored), token, and query+body as multisets of decoded pairs `
      + `(1/true and 0/false equal; ignored: ${Object.keys(IGNORED_KEYS).join(", ")}, and a body "id" that repeats the path's id)`,
  ];
  const failing = all.filter(([, { result }]) => result.status === "fail");
  const skipped = all.filter(([, { result }]) => result.status === "not-exercisable");
  if (failing.length > 0) {
    lines.push(`failing (${failing.length}):`);
    for (const [label, { result }] of failing) lines.push(`  FAIL ${label}: ${result.reasons.join(" | ")}`);
  }
  if (skipped.length > 0) {
    lines.push(`not exercisable yet (${skipped.length}):`);
    for (const [label, { result }] of skipped) lines.push(`  SKIP ${label}: ${result.reasons.join(" | ")}`);
  }
  const tolerated = all.flatMap(([label, { result }]) => result.tolerated.map((line) => `${label} ${line}`));
  if (tolerated.length > 0) {
    lines.push(`known differences tolerated (${tolerated.length}, see known.ts):`);
    for (const line of tolerated) lines.push(`  KNOWN ${line}`);
  }
  const missing = new Map<string, number>();
  for (const [, { result }] of all) for (const name of result.missing) missing.set(name, (missing.get(name) ?? 0) + 1);
  if (missing.size > 0) {
    lines.push(`client methods missing (cassettes blocked): ${[...missing].sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n} (${c})`).join(", ")}`);
  }
  const notes = new Map<string, number>();
  for (const [, { result }] of all) {
    for (const note of new Set(result.schemaNotes.map((n) => n.replace(/\[\d+\]/g, "[]")))) notes.set(note, (notes.get(note) ?? 0) + 1);
  }
  if (notes.size > 0) {
    lines.push(`schema notes (server responses vs test/support/entity-schema.ts, not client failures): ${notes.size} distinct; most frequent:`);
    for (const [note, count] of [...notes].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`  ${count}× ${note}`);
  }
  return lines.join("\n");
}
