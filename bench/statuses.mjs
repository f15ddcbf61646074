/**
 * The fixture data: real statuses, instance documents and an account recorded from a real
 * Mastodon 4.6 server (../shared/cassettes/cassettes, or BENCH_CASSETTES), so that parsing costs
 * what it costs on real traffic. Without them, synthetic statuses of the same shape and size stand in.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Only the Mastodon 4.6 recordings: the older folders hold older entity shapes. */
const CASSETTES = process.env.BENCH_CASSETTES ? new URL(`file://${process.env.BENCH_CASSETTES.replace(/\/?$/, "/")}`) : new URL("../../shared/cassettes/cassettes/", import.meta.url);

const isStatus = (o) =>
  o && typeof o === "object" && !Array.isArray(o) && typeof o.id === "string" && typeof o.created_at === "string" &&
  o.account && typeof o.content === "string" && "visibility" in o;

export async function loadFixtures() {
  const dir = CASSETTES.pathname;
  if (!existsSync(dir)) return synthetic(`${dir} is absent`);
  let parse;
  try {
    ({ parse } = await import("yaml")); // the root's dev dependency
  } catch {
    return synthetic("the yaml package is not installed (run npm ci at the root)");
  }
  const statuses = new Map();
  let instanceV1 = null, instanceV2 = null, account = null;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const doc = parse(readFileSync(join(dir, file), "utf8"));
    for (const it of doc?.interactions ?? []) {
      const text = it.response?.body?.string;
      if (typeof text !== "string" || (text[0] !== "[" && text[0] !== "{")) continue;
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        continue;
      }
      const uri = String(it.request?.uri ?? "");
      if (/\/api\/v1\/instance\/?$/.test(uri) && body.uri) instanceV1 ??= body;
      if (/\/api\/v2\/instance\/?$/.test(uri) && body.domain) instanceV2 ??= body;
      if (/verify_credentials$/.test(uri) && body.acct !== undefined) account ??= body;
      for (const o of Array.isArray(body) ? body : [body]) if (isStatus(o) && !statuses.has(o.id)) statuses.set(o.id, o);
    }
  }
  if (statuses.size < 40) return synthetic(`only ${statuses.size} statuses found in ${dir}`);
  const list = [...statuses.values()];
  return {
    source: `${list.length} real statuses from ../shared/cassettes/cassettes (Mastodon 4.6)`,
    statuses: list,
    instanceV1: instanceV1 ?? syntheticInstanceV1(),
    instanceV2: instanceV2 ?? syntheticInstanceV2(),
    account: account ?? list[0].account,
    note: null,
  };
}

/** Statuses shaped like Mastodon 4.6's, about 2.2 kB of JSON each like the recorded ones. */
function synthetic(reason) {
  const account = {
    id: "117020565966271181", username: "bench", acct: "bench", display_name: "Bench account", locked: false, bot: false,
    discoverable: true, indexable: true, group: false, created_at: "2025-01-01T00:00:00.000Z",
    note: "<p>An account for benchmarks.</p>", url: "https://example.social/@bench", uri: "https://example.social/users/bench",
    avatar: "https://example.social/avatars/original/missing.png", avatar_static: "https://example.social/avatars/original/missing.png",
    header: "https://example.social/headers/original/missing.png", header_static: "https://example.social/headers/original/missing.png",
    followers_count: 12, following_count: 34, statuses_count: 56, last_status_at: "2025-11-27", hide_collections: null,
    noindex: false, emojis: [], roles: [], fields: [{ name: "site", value: "<a href=\"https://example.org\">example.org</a>", verified_at: null }],
  };
  const statuses = [];
  for (let i = 0; i < 160; i++) {
    statuses.push({
      id: String(117020580000000000n + BigInt(i)), created_at: new Date(Date.UTC(2025, 10, 27, 12, 0, i)).toISOString(),
      in_reply_to_id: null, in_reply_to_account_id: null, sensitive: false, spoiler_text: "", visibility: "public", language: "en",
      uri: `https://example.social/users/bench/statuses/${i}`, url: `https://example.social/@bench/${i}`,
      replies_count: i % 3, reblogs_count: i % 5, favourites_count: i % 7, quotes_count: 0, edited_at: null,
      favourited: false, reblogged: false, muted: false, bookmarked: false, pinned: false,
      content: `<p>Synthetic status number ${i}, standing in for recorded traffic. ${"Lorem ipsum dolor sit amet. ".repeat(19)}</p>`,
      filtered: [], reblog: null, application: { name: "mastodon-ts bench", website: null }, account,
      media_attachments: [], mentions: [], tags: [], emojis: [], quote: null, card: null, poll: null,
      quote_approval: { automatic: ["public"], manual: [], current_user: "automatic" },
    });
  }
  return {
    source: "synthetic statuses (no recorded traffic available)",
    statuses, instanceV1: syntheticInstanceV1(), instanceV2: syntheticInstanceV2(), account,
    note: `note: ${reason}; synthetic statuses of the same shape are served instead`,
  };
}

function syntheticInstanceV1() {
  return { uri: "example.social", title: "Bench", version: "4.6.0", urls: { streaming_api: "" }, stats: {}, languages: ["en"] };
}

function syntheticInstanceV2() {
  return { domain: "example.social", title: "Bench", version: "4.6.0", configuration: { urls: { streaming: "" } } };
}
