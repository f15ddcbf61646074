/**
 * Walks a cassette: for each interaction not yet served, finds the call that produces it, runs
 * it on the client that holds the recorded token, and checks that every request matched, that
 * the call resolved or rejected as the recorded status says, and that the result has its
 * declared type with dates as Date and pagination info where the response had a Link header.
 */
import type { Cassette, Interaction } from "./cassette.ts";
import { findCall, type CallEntry, type CallEnv, type Client, type RecordedCall, type Statics } from "./calls.ts";
import { COMPOUND_CALLS, PAGINATION_MODES, paginationCall, rememberPage, type Page } from "./compound.ts";
import { ClientPool, type FacadeModule } from "./clients.ts";
import { knownDifferencesFor } from "./known.ts";
import { Replay } from "./replay.ts";
import { checkResult } from "./returns.ts";

export type CassetteStatus = "pass" | "fail" | "not-exercisable";

export interface CassetteResult {
  readonly status: CassetteStatus;
  /** Why it failed or cannot be exercised yet (one line each). */
  readonly reasons: string[];
  /** Client methods the run called. */
  readonly methods: Set<string>;
  /** Methods the cassette needs that the client lacks. */
  readonly missing: Set<string>;
  /** Problems of the server's responses against the entity schema (not the client's). */
  readonly schemaNotes: string[];
  /** Client calls made. */
  calls: number;
  /** Known differences tolerated (see known.ts), one line each. */
  readonly tolerated: string[];
}

const MAX_REASONS = 6;

function expectedOutcome(entry: CallEntry, r: RecordedCall, last: Interaction): string {
  const custom = entry.outcome?.(r, last);
  if (custom) return custom;
  const status = last.response.status;
  if (status < 400) return "resolve";
  if (status === 404) return "MastodonNotFoundError";
  if (status === 401) return "MastodonUnauthorizedError";
  if (status === 429) return "MastodonRatelimitError";
  return "MastodonAPIError";
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}`.slice(0, 300);
  return String(error);
}

/** The `rel` targets of a Link header. */
function hasLink(interaction: Interaction, rel: string): boolean {
  const link = interaction.response.headers.find(([name]) => name.toLowerCase() === "link")?.[1] ?? "";
  return new RegExp(`rel="?${rel}"?`).test(link);
}

export async function runCassette(cassette: Cassette, facade: FacadeModule): Promise<CassetteResult> {
  const replay = new Replay(cassette.interactions, knownDifferencesFor(cassette));
  const pool = new ClientPool(facade, cassette, replay.fetch);
  const entities = new Map<string, unknown>();
  const pages: Page[] = [];
  const env: CallEnv = {
    cassette, statics: facade.Mastodon as unknown as Statics, fetch: replay.fetch,
    entity: (id) => entities.get(id),
  };
  const result: CassetteResult = { status: "pass", reasons: [], methods: new Set(), missing: new Set(), schemaNotes: [], calls: 0, tolerated: [] };
  const failures: string[] = [];
  const notYet: string[] = [];

  while (!replay.exhausted) {
    const position = replay.cursor;
    const interaction = cassette.interactions[position] as Interaction;
    const where = `#${position} ${interaction.request.method} ${interaction.request.path}`;
    const found = paginationCall(cassette, pages, position, env, PAGINATION_MODES[cassette.name])
      ?? findCall(cassette.interactions, position, env, COMPOUND_CALLS)
      ?? findCall(cassette.interactions, position, env);
    if (!found) {
      notYet.push(`no call-table entry for ${where}`);
      break;
    }
    const { entry, recorded } = found;
    if (entry.notYet) {
      notYet.push(`${where}: ${entry.notYet}`);
      break;
    }
    const client = pool.clientFor(interaction.request);
    const needed = [entry.method, ...(entry.uses ?? [])];
    const missing = needed.filter((name) => !pool.has(client, name));
    if (missing.length > 0) {
      for (const name of missing) result.missing.add(name);
      notYet.push(`no client method ${missing.join(", ")} for ${where}`);
      break;
    }
    for (const name of needed) result.methods.add(name);
    result.calls++;

    let value: unknown;
    let error: unknown;
    let settled = false;
    try {
      value = await entry.call(client as unknown as Client, recorded);
      settled = true;
    } catch (caught) {
      error = caught;
    }
    const mismatchesBefore = failures.length;
    const consumed = replay.cursor - position;
    const mismatch = replay.mismatches.shift();
    replay.mismatches.length = 0;
    if (mismatch) {
      failures.push(`${entry.method} at ${where}: ${mismatch}`);
    } else if (consumed === 0) {
      failures.push(`${entry.method} at ${where}: the client sent no request${settled ? "" : ` (it threw ${errorText(error)})`}`);
    } else if (entry.consumes && consumed < entry.consumes(recorded)) {
      failures.push(`${entry.method} at ${where}: the client sent ${consumed} request(s) where Mastodon.py sent ${entry.consumes(recorded)}; `
        + `the next recorded one, #${replay.cursor} ${cassette.interactions[replay.cursor]?.request.method} ${cassette.interactions[replay.cursor]?.request.path}, was not sent`);
    } else {
      const last = cassette.interactions[replay.cursor - 1] as Interaction;
      const expected = expectedOutcome(entry, recorded, last);
      if (expected === "resolve" && !settled) {
        failures.push(`${entry.method} at ${where}: rejected (${errorText(error)}) though the server answered ${last.response.status}`);
      } else if (expected !== "resolve" && settled) {
        failures.push(`${entry.method} at ${where}: resolved though the server answered ${last.response.status}; expected ${expected}`);
      } else if (expected !== "resolve") {
        const errorClass = facade[expected];
        if (typeof errorClass !== "function" || !(error instanceof errorClass)) {
          failures.push(`${entry.method} at ${where}: expected ${expected} for status ${last.response.status}, got ${errorText(error)}`);
        }
      } else {
        const spec = typeof entry.returns === "function" ? entry.returns(recorded) : entry.returns;
        const problems = checkResult(spec, value);
        if (problems.client.length > 0) {
          failures.push(`${entry.method} at ${where}: result is not a ${spec}: ${problems.client.slice(0, 3).join("; ")}`);
        }
        result.schemaNotes.push(...problems.schema.map((p) => `${spec} (${entry.method}): ${p}`));
        for (const [rel, direction] of [["next", "next"], ["prev", "previous"]] as const) {
          if (!hasLink(last, rel) || value === null || typeof value !== "object") continue;
          const info = pool.paginationInfo(client, value, direction);
          if (info === null) failures.push(`${entry.method} at ${where}: the response had a rel="${rel}" Link, but getPaginationInfo(result, "${direction}") is null`);
        }
        remember(value, entities);
        rememberPage(pages, value, last, spec);
      }
    }
    // After a failure, go on after the requests of the failed call, so one run lists every problem.
    if (failures.length > mismatchesBefore) replay.cursor = Math.max(replay.cursor, position + (entry.consumes?.(recorded) ?? 1));
  }

  result.tolerated.push(...replay.tolerated.map(({ index, difference }) =>
    `#${index} ${difference.route}: sent ${difference.extra.join(", ")} (${difference.reason})`));
  result.reasons.push(...failures.slice(0, MAX_REASONS));
  if (failures.length > MAX_REASONS) result.reasons.push(`... and ${failures.length - MAX_REASONS} more`);
  if (failures.length > 0) {
    result.reasons.push(...notYet.map((reason) => `then stopped: ${reason}`));
    return { ...result, status: "fail" };
  }
  if (notYet.length > 0) return { ...result, status: "not-exercisable", reasons: notYet };
  return result;
}

/** Remembers entities by id, so later calls can pass them where ids are expected. */
function remember(value: unknown, entities: Map<string, unknown>): void {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === "string") entities.set(id, item);
  }
}
