/**
 * Calls that the plain table cannot tell from the request alone: convenience methods whose
 * requests look like another method's (toot, status_reply, status_card on new servers,
 * stream_healthy), and pagination (fetch_next / fetch_previous / fetch_remaining), recognised
 * when a request is the Link of a page returned earlier in the same cassette.
 */
import { comparePairs, decodePairs, normalisePath, type Cassette, type Interaction, type Pair } from "./cassette.ts";
import { call, RecordedCall, type CallEntry, type CallEnv, type Client } from "./calls.ts";

/** How a cassette's Mastodon.py test paged: by page (default), from stored pagination info, or all at once. */
export const PAGINATION_MODES: Readonly<Record<string, "info" | "remaining">> = {
  test_fetch_next_previous_from_pagination_info: "info",
  test_fetch_next_previous_after_persist: "info",
  test_fetch_remaining: "remaining",
};

function statusReply(m: Client, r: RecordedCall): unknown {
  const post = r.ahead(1) as RecordedCall;
  const text = (post.str("status") ?? "").replace(/^(@\S+\s+)+/, "");
  return m.statusReply(r.env.entity(post.str("in_reply_to_id") ?? ""), text, {
    media_ids: post.list("media_ids")?.map((id) => r.entityOr(id)), sensitive: post.bool("sensitive"),
    language: post.str("language"), quoted_status_id: post.str("quoted_status_id") && r.entityOr(post.str("quoted_status_id") ?? ""),
  });
}

/** status_reply looks up the user's own account, then posts with the thread's visibility and content warning. */
function isReply(r: RecordedCall): boolean {
  const post = r.ahead(1);
  return !!post && r.nextIs("POST /api/v1/statuses") && post.request.token === r.request.token
    && r.env.entity(post.str("in_reply_to_id") ?? "") !== undefined;
}

export const COMPOUND_CALLS: readonly CallEntry[] = [
  // timeline() is what timeline_home() and the others call; test_min_max_id pages the home timeline through it.
  call("GET /api/v1/timelines/home", "timeline", "Status[]", (m, r) => m.timeline({ timeline: "home", ...r.paging() }),
    { when: (r) => r.env.cassette.name === "test_min_max_id" }),
  call("POST /api/v1/statuses", "toot", "Status", (m, r) => m.toot(r.str("status")), { when: (r) => r.env.cassette.name === "test_toot" }),
  // Since Mastodon 3.0 the card is part of the status; status_card reads the status.
  call("GET /api/v1/statuses/:id", "statusCard", "PreviewCard|null", (m, r) => m.statusCard(r.ref()),
    { when: (r) => r.env.cassette.name === "test_status_card" }),
  call("GET /api/v1/accounts/verify_credentials", "statusReply", "Status", statusReply, { when: isReply, consumes: () => 2 }),
  // stream_healthy finds the streaming server's URL in the instance information first.
  call("GET /api/v2/instance", "streamHealthy", "boolean", (m) => m.streamHealthy(),
    { when: (r) => r.nextIs("GET /api/v1/instance") && r.nextIs("GET /api/v1/streaming/health", 2), consumes: () => 3 }),
];

interface Link {
  readonly origin: string;
  readonly path: string;
  readonly pairs: readonly Pair[];
}

export interface Page {
  readonly value: unknown;
  readonly returns: string;
  readonly links: { next?: Link; previous?: Link };
}

function parseLinks(interaction: Interaction): Page["links"] {
  const header = interaction.response.headers.find(([name]) => name.toLowerCase() === "link")?.[1];
  const links: { next?: Link; previous?: Link } = {};
  for (const part of header?.split(/,(?=\s*<)/) ?? []) {
    const match = /<([^>]*)>.*rel="?([^";]+)"?/.exec(part.trim());
    if (!match?.[1]) continue;
    const rel = match[2] === "next" ? "next" : match[2] === "prev" || match[2] === "previous" ? "previous" : null;
    if (!rel) continue;
    const url = new URL(match[1], interaction.request.origin);
    const path = normalisePath(url.pathname);
    links[rel] = { origin: url.origin, path, pairs: decodePairs(path, url.searchParams, []) };
  }
  return links;
}

/** Keeps a returned page whose response had a Link header, to recognise requests for its neighbours. */
export function rememberPage(pages: Page[], value: unknown, last: Interaction, returns: string): void {
  if (value === null || typeof value !== "object") return;
  const links = parseLinks(last);
  if (links.next || links.previous) pages.push({ value, returns, links });
}

function linkMatches(link: Link | undefined, interaction: Interaction): boolean {
  if (!link) return false;
  const { request } = interaction;
  if (request.method !== "GET" || request.origin !== link.origin || request.path !== link.path) return false;
  const { missing, extra } = comparePairs(link.pairs, request.pairs);
  return missing.length === 0 && extra.length === 0;
}

/** A fetch_next / fetch_previous / fetch_remaining call when the request at `position` follows a page's Link. */
export function paginationCall(
  cassette: Cassette, pages: readonly Page[], position: number, env: CallEnv, mode: "info" | "remaining" | undefined,
): { entry: CallEntry; recorded: RecordedCall } | null {
  const interaction = cassette.interactions[position];
  if (!interaction) return null;
  for (const page of [...pages].reverse()) {
    for (const direction of ["next", "previous"] as const) {
      if (!linkMatches(page.links[direction], interaction)) continue;
      const recorded = new RecordedCall(cassette.interactions, position, {}, env);
      const route = `GET ${interaction.request.path}`;
      const fetchOne = direction === "next" ? "fetchNext" : "fetchPrevious";
      let entry: CallEntry;
      if (mode === "remaining" && direction === "next") {
        // fetch_remaining follows the Link headers to the end: every following page request is its own.
        entry = call(route, "fetchRemaining", page.returns, (m) => m.fetchRemaining(page.value), { consumes: (r) => r.run() });
      } else if (mode === "info") {
        // The info must survive JSON, as when a program stores it and resumes later.
        entry = call(route, fetchOne, page.returns, (m) => {
          const info: unknown = JSON.parse(JSON.stringify(m.getPaginationInfo(page.value, direction)));
          return m[fetchOne](info);
        }, { uses: ["getPaginationInfo"] });
      } else {
        entry = call(route, fetchOne, page.returns, (m) => m[fetchOne](page.value));
      }
      return { entry, recorded };
    }
  }
  return null;
}
