import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError, type PaginationInfo, type Status } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

// 95 statuses with ids 1..95, newest first, served in pages like Mastodon's.
function pagedServer() {
  return startScriptedServer((req) => {
    const limit = Number(req.query.get("limit") ?? 20);
    const maxId = Number(req.query.get("max_id") ?? 96);
    const minId = req.query.get("min_id");
    let ids: number[];
    if (minId !== null) {
      const lower = Number(minId);
      ids = Array.from({ length: Math.min(limit, 95 - lower) }, (_, i) => lower + 1 + i).reverse();
    } else {
      ids = Array.from({ length: Math.min(limit, maxId - 1) }, (_, i) => maxId - 1 - i);
    }
    const base = `http://${req.headers.host}${req.path}`;
    const links: string[] = [];
    if (ids.length > 0) {
      links.push(`<${base}?limit=${limit}&max_id=${ids.at(-1)}>; rel="next"`);
      links.push(`<${base}?limit=${limit}&min_id=${ids[0]}>; rel="prev"`);
    }
    return { headers: links.length ? { link: links.join(", ") } : {}, body: ids.map((id) => ({ id: String(id), created_at: "2026-08-01T00:00:00.000Z" })) };
  });
}

test("fetchNext / fetchPrevious follow the Link header; info is hidden from JSON and iteration", async () => {
  const server = await pagedServer();
  try {
    const m = new Mastodon({ api_base_url: server.url });
    const first = await m.timelinePublic({ limit: 10 });
    assert.equal(first.length, 10);
    assert.equal(JSON.stringify(first).includes("max_id"), false);
    assert.deepEqual(Object.keys(first).length, 10);
    const next = await m.fetchNext(first);
    assert.deepEqual(next?.map((s) => s.id).slice(0, 2), ["85", "84"]);
    assert.equal(server.requests[1]?.query.get("max_id"), "86");
    const previous = await m.fetchPrevious(next ?? []);
    assert.deepEqual(previous?.map((s) => s.id).slice(0, 2), ["95", "94"]);
    assert.ok(previous?.[0]?.created_at instanceof Date, "pages fetched later are parsed the same way");
  } finally {
    await server.close();
  }
});

test("getPaginationInfo survives JSON and resumes after a restart", async () => {
  const server = await pagedServer();
  try {
    const m = new Mastodon({ api_base_url: server.url });
    const first = await m.timelinePublic({ limit: 40 });
    const saved = JSON.stringify(m.getPaginationInfo(first, "next"));
    const restored = JSON.parse(saved) as PaginationInfo;
    const fresh = new Mastodon({ api_base_url: server.url });
    const next = await fresh.fetchNext<Status[]>(restored);
    assert.equal(next?.[0]?.id, "55");
    assert.equal(m.getPaginationInfo([], "next"), null);
  } finally {
    await server.close();
  }
});

test("fetchRemaining gathers every page; paginationIterator walks them lazily in both directions", async () => {
  const server = await pagedServer();
  try {
    const m = new Mastodon({ api_base_url: server.url });
    const all = await m.fetchRemaining(await m.timelinePublic({ limit: 40 }));
    assert.equal(all.length, 95);
    assert.equal(new Set(all.map((s) => s.id)).size, 95);

    const seen: string[] = [];
    for await (const status of m.paginationIterator(await m.timelinePublic({ limit: 20 }))) {
      seen.push(status.id);
      if (seen.length === 30) break;
    }
    assert.equal(seen.length, 30);
    assert.equal(seen[29], "66");

    const older = await m.timelinePublic({ limit: 10, max_id: "50" });
    const newer: string[] = [];
    for await (const [status, info] of m.paginationIterator(older, { direction: "previous", return_pagination_info: true })) {
      newer.push(status.id);
      assert.equal(info?.direction, "previous");
    }
    assert.equal(newer.length, 56); // ids 40..95
    assert.equal(await m.fetchNext({ endpoint: "/x", method: "GET", direction: "previous", params: {} }), null);
  } finally {
    await server.close();
  }
});

test("a Link to another host is followed on the client's own host, never sending the token elsewhere", async () => {
  const server = await startScriptedServer((req) => ({
    headers: req.query.get("max_id") ? {} : { link: '<https://evil.example/api/v1/favourites?max_id=3>; rel="next"' },
    body: [{ id: "4" }],
  }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "secret" });
    const page = await m.favourites();
    await m.fetchNext(page);
    assert.equal(server.requests[1]?.path, "/api/v1/favourites");
    assert.equal(server.requests[1]?.query.get("max_id"), "3");
  } finally {
    await server.close();
  }
});

test("stored pagination info whose endpoint is not a path is refused, and the token never leaves the instance", async () => {
  const sent: Array<{ url: string; authorization: string | null }> = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({ url: String(input), authorization: new Headers(init?.headers).get("authorization") });
    return new Response("[]", { headers: { "content-type": "application/json" } });
  };
  const m = new Mastodon({ api_base_url: "https://mastodon.example", access_token: "secret", fetch });
  for (const endpoint of ["@evil.example/api/v1/favourites", ".evil.example/api/v1/favourites"]) {
    await assert.rejects(m.fetchNext({ endpoint, method: "GET", direction: "next", params: {} }), MastodonIllegalArgumentError);
  }
  await m.fetchNext({ endpoint: "/api/v1/favourites", method: "GET", direction: "next", params: {} });
  // Below the methods, the pipeline itself compares origins on the final URL.
  await m.request({ method: "GET", path: "@evil.example/api/v1/favourites" });
  assert.deepEqual(sent.map((request) => [new URL(request.url).host, request.authorization]), [
    ["mastodon.example", "Bearer secret"], ["evil.example", null],
  ]);
});
