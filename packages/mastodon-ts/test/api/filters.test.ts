import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer, type RecordedRequest } from "../support/scripted-server.ts";

const FILTER_V1 = { id: "3", phrase: "anime", context: ["notifications"], whole_word: true, expires_at: null, irreversible: false };
const FILTER_V2 = { id: "2", title: "Status Filter Test", context: ["home"], expires_at: null, filter_action: "warn", keywords: [], statuses: [] };
const KEYWORD = { id: "202", keyword: "animes", whole_word: false };
const FILTER_STATUS = { id: "1", status_id: "117020574027322654" };

function wire(r: RecordedRequest | undefined): string {
  if (!r) return "(none)";
  const form = [...r.form.entries()].map(([k, v]) => `${k}=${v}`).join("&");
  const json = (r.headers["content-type"] ?? "").startsWith("application/json") ? ` ${r.body.toString("utf8")}` : "";
  return `${r.method} ${r.path}${r.query.size > 0 ? `?${decodeURIComponent(r.query.toString())}` : ""}${form ? ` ${decodeURIComponent(form)}` : ""}${json}`;
}

test("filters v1: create sends Mastodon.py's defaults, update only what is given; contexts are checked first", async () => {
  const server = await startScriptedServer((r) => ({
    body: r.method === "DELETE" ? {} : r.method === "GET" && r.path === "/api/v1/filters" ? [FILTER_V1] : FILTER_V1,
  }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const created = await m.filterCreate("anime", ["notifications"]);
    await m.filterCreate("anime", "home", { whole_word: false, irreversible: true, expires_in: 3600 });
    assert.deepEqual(await m.filters(), [FILTER_V1]);
    assert.equal((await m.filter(created)).phrase, "anime");
    await m.filterUpdate(created, { phrase: "japanimation" });
    await m.filterUpdate("3", { context: ["home", "account"], whole_word: false });
    assert.deepEqual(await m.filterDelete(created), {});
    assert.deepEqual(server.requests.map(wire), [
      "POST /api/v1/filters phrase=anime&context[]=notifications&irreversible=false&whole_word=true",
      "POST /api/v1/filters phrase=anime&context[]=home&irreversible=true&whole_word=false&expires_in=3600",
      "GET /api/v1/filters",
      "GET /api/v1/filters/3",
      "PUT /api/v1/filters/3 phrase=japanimation",
      "PUT /api/v1/filters/3 context[]=home&context[]=account&whole_word=false",
      "DELETE /api/v1/filters/3",
    ]);
    for (const call of [
      () => m.filterCreate("x", ["timeline"]),
      () => m.filterCreate("x", []),
      () => m.filterCreate("x", "home", { expires_in: -5 }),
      () => m.filterUpdate("3", { context: "everywhere" }),
    ]) {
      await assert.rejects(call(), (e: unknown) => e instanceof MastodonIllegalArgumentError && /context|expires_in/.test(e.message));
    }
    assert.equal(server.requests.length, 7);
  } finally {
    await server.close();
  }
});

test("filters v2: JSON bodies with keywords_attributes, keywords and statuses of a filter", async () => {
  const server = await startScriptedServer((r) => {
    if (r.method === "DELETE") return { body: {} };
    if (r.path === "/api/v2/filters") return { body: r.method === "GET" ? [FILTER_V2] : FILTER_V2 };
    if (r.path.includes("/keywords")) return { body: r.method === "GET" && r.path.endsWith("/keywords") ? [KEYWORD] : KEYWORD };
    if (r.path.includes("/statuses")) return { body: r.method === "GET" && r.path.endsWith("/statuses") ? [FILTER_STATUS] : FILTER_STATUS };
    return { body: FILTER_V2 };
  });
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const filter = await m.createFilterV2("Status Filter Test", ["home"], "warn");
    await m.createFilterV2("animes", "public", "hide", { expires_in: 86400, keywords_attributes: [{ keyword: "anime", whole_word: true }, { keyword: "manga" }] });
    assert.deepEqual(await m.filtersV2(), [FILTER_V2]);
    assert.equal((await m.filterV2(filter)).filter_action, "warn");
    await m.updateFilterV2(filter, { title: "renamed", filter_action: "blur", keywords_attributes: [{ id: KEYWORD, _destroy: true }, { keyword: "new" }] });
    assert.deepEqual(await m.filterKeywordsV2(filter), [KEYWORD]);
    await m.addFilterKeywordV2(filter, "animes");
    assert.equal((await m.filterKeywordV2("202")).keyword, "animes");
    await m.updateFilterKeywordV2(KEYWORD, "anime", { whole_word: true });
    await m.deleteFilterKeywordV2(KEYWORD);
    const added = await m.addFilterStatusV2(filter, { id: "117020574027322654" });
    assert.deepEqual(await m.filterStatusesV2(filter), [FILTER_STATUS]);
    assert.deepEqual(await m.filterStatusV2(added), FILTER_STATUS);
    await m.deleteFilterStatusV2(added);
    assert.deepEqual(await m.deleteFilterV2(filter), {});
    assert.deepEqual(server.requests.map(wire), [
      'POST /api/v2/filters {"title":"Status Filter Test","context":["home"],"filter_action":"warn"}',
      'POST /api/v2/filters {"title":"animes","context":["public"],"filter_action":"hide","expires_in":86400,'
        + '"keywords_attributes":[{"keyword":"anime","whole_word":true},{"keyword":"manga"}]}',
      "GET /api/v2/filters",
      "GET /api/v2/filters/2",
      'PUT /api/v2/filters/2 {"title":"renamed","filter_action":"blur","keywords_attributes":[{"id":"202","_destroy":true},{"keyword":"new"}]}',
      "GET /api/v2/filters/2/keywords",
      "POST /api/v2/filters/2/keywords keyword=animes&whole_word=false",
      "GET /api/v2/filters/keywords/202",
      "PUT /api/v2/filters/keywords/202 keyword=anime&whole_word=true",
      "DELETE /api/v2/filters/keywords/202",
      "POST /api/v2/filters/2/statuses status_id=117020574027322654",
      "GET /api/v2/filters/2/statuses",
      "GET /api/v2/filters/statuses/1",
      "DELETE /api/v2/filters/statuses/1",
      "DELETE /api/v2/filters/2",
    ]);
    await assert.rejects(m.createFilterV2("x", "home", "delete"), /filter_action must be one of warn, hide, blur/);
    await assert.rejects(m.createFilterV2("x", "home", "warn", { keywords_attributes: [{ whole_word: true }] }), /needs a keyword/);
    await assert.rejects(m.createFilterV2("x", "home", "warn", { keywords_attributes: [{ id: "1", keyword: "k" }] }), /only be given when updating/);
    await assert.rejects(m.updateFilterV2("2", { context: ["nowhere"] }), /context must be one of/);
    assert.equal(server.requests.length, 15);
  } finally {
    await server.close();
  }
});

function status(id: string, content: string, extra: Record<string, unknown> = {}) {
  return { id, content, reblog: null, ...extra };
}

test("filtersApply drops what the context's filters match, as Mastodon.py does, without a request", () => {
  const m = new Mastodon({ api_base_url: "https://example.social", fetch: async () => assert.fail("no request expected") });
  const statuses = [
    status("1", "<p>I love <b>anime</b>!</p>"),
    status("2", "<p>animes are great</p>"),
    status("3", "<p>Nothing to see</p>"),
    status("4", "<p>GIRUGAMESH rocks</p>"),
    status("5", "<p>über<br>Café-Anime</p>"),
    status("6", "<p>animeção</p>"),
  ];
  const filters = [
    { ...FILTER_V1, id: "7", phrase: "anime", context: ["home"], whole_word: true },
    { ...FILTER_V1, id: "8", phrase: "girugamesh", context: ["home"], whole_word: false },
    { ...FILTER_V1, id: "9", phrase: "nothing", context: ["notifications"], whole_word: true },
  ].map((f) => ({ ...f, expires_at: null }));
  // "animes" and "animeção" do not match "anime" as a whole word: the boundary knows Unicode letters.
  assert.deepEqual(m.filtersApply(statuses, filters, "home").map((s) => s.id), ["2", "3", "6"]);
  assert.deepEqual(m.filtersApply(statuses, filters, "notifications").map((s) => s.id), ["1", "2", "4", "5", "6"]);
  // Without whole_word a phrase matches inside words; regex characters in a phrase are literal.
  assert.deepEqual(m.filtersApply(statuses, [{ ...filters[0]!, whole_word: false }], "home").map((s) => s.id), ["3", "4"]);
  assert.equal(m.filtersApply(statuses, [{ ...filters[0]!, phrase: "c.f", whole_word: false }], "home").length, 6);
  // No applicable filter keeps everything; an expired filter no longer applies.
  assert.equal(m.filtersApply(statuses, [], "home").length, 6);
  const expired = [{ ...filters[0]!, expires_at: new Date(Date.now() - 1000) }];
  assert.equal(m.filtersApply(statuses, expired, "home").length, 6);
  const later = [{ ...filters[0]!, expires_at: new Date(Date.now() + 60_000) }];
  assert.equal(m.filtersApply(statuses, later, "home").length, 4);
  // Notifications are matched on their post; a boost on the boosted post; a follow is kept.
  const notifications = [
    { id: "n1", type: "mention", status: status("1", "<p>anime</p>") },
    { id: "n2", type: "follow" },
    { id: "n3", type: "reblog", status: status("2", "", { reblog: status("0", "<p>more anime</p>") }) },
  ];
  const v2 = [{ ...FILTER_V2, context: ["notifications"], keywords: [{ id: "1", keyword: "anime", whole_word: true }] }];
  assert.deepEqual(m.filtersApply(notifications, v2, "notifications").map((n) => n.id), ["n2"]);
  assert.throws(() => m.filtersApply(statuses, filters, "timeline"), (e: unknown) => e instanceof MastodonIllegalArgumentError && /context/.test(e.message));
});

test("filtersApply keeps the pagination of the page it filtered", async () => {
  const server = await startScriptedServer((r) => ({
    headers: { link: `<http://${r.headers.host}/api/v1/timelines/home?max_id=1>; rel="next"` },
    body: [status("2", "<p>anime</p>"), status("1", "<p>fine</p>")],
  }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const page = await m.timelineHome();
    const kept = m.filtersApply(page, [{ ...FILTER_V1, context: ["home"] }], "home");
    assert.deepEqual(kept.map((s) => s.id), ["1"]);
    assert.equal(m.getPaginationInfo(kept, "next")?.params.max_id, "1");
  } finally {
    await server.close();
  }
});
