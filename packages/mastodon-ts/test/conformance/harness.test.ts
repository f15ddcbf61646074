/**
 * Tests of the conformance harness itself, on YAML alone: request decoding, pair normalisation,
 * replay matching, the result checks, and that the driver fails a client that sends the wrong
 * request or leaves dates as strings (so a green conformance run means something).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  comparePairs, decodeBody, decodePairs, flattenJson, loadCassette, normalisePath, parseCassette, parseMultipart,
} from "./cassette.ts";
import { runCassette, type CassetteResult } from "./driver.ts";
import type { FacadeModule } from "./clients.ts";
import { KNOWN_DIFFERENCES, tolerate } from "./known.ts";
import { Replay, ReplayMismatchError } from "./replay.ts";
import { checkResult } from "./returns.ts";

const shared = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "..", "shared", "cassettes");
const pairs = (list: Array<[string, string]>) => list.map(([key, value]) => ({ key, value }));

const ACCOUNT = JSON.stringify({
  id: "2", username: "u", acct: "u", display_name: "", locked: false, bot: false, discoverable: null, group: false,
  created_at: "2026-08-01T00:00:00.000Z", note: "", url: "http://localhost:3000/@u", uri: "http://localhost:3000/ap/users/2",
  avatar: "", avatar_static: "", header: "", header_static: "", followers_count: 0, following_count: 0, statuses_count: 0,
  last_status_at: "2026-08-01", emojis: [], fields: [],
});
const RELATIONSHIP = '{"id":"2","following":true}';
const TWO_CALLS = `interactions:
- request:
    body: null
    headers:
      Authorization: [Bearer __MASTODON_PY_TEST_ACCESS_TOKEN_2]
    method: GET
    uri: http://localhost:3000/api/v1/accounts/verify_credentials
  response:
    body: {string: '${ACCOUNT}'}
    headers: {content-type: [application/json; charset=utf-8]}
    status: {code: 200, message: OK}
- request:
    body: reblogs=1&notify=0
    headers:
      Authorization: [Bearer __MASTODON_PY_TEST_ACCESS_TOKEN]
      Content-Type: [application/x-www-form-urlencoded]
    method: POST
    uri: http://localhost:3000/api/v1/accounts/2/follow
  response:
    body: {string: '${RELATIONSHIP}'}
    headers: {content-type: [application/json; charset=utf-8]}
    status: {code: 200, message: OK}
`;

describe("cassette decoding", () => {
  test("form bodies and queries become pairs; paths lose a trailing slash", () => {
    assert.deepEqual(decodeBody(new TextEncoder().encode("reblogs=1&notify=0&a%5B%5D=x+y"), "application/x-www-form-urlencoded").pairs,
      pairs([["reblogs", "1"], ["notify", "0"], ["a[]", "x y"]]));
    assert.equal(normalisePath("/api/v1/instance/"), "/api/v1/instance");
    assert.equal(normalisePath("/api/v1/tags/caf%C3%A9"), "/api/v1/tags/café");
    assert.equal(normalisePath("/"), "/");
  });

  test("JSON bodies flatten the Rails way", () => {
    assert.deepEqual(flattenJson({ status: "hi", poll: { options: ["a", "b"], expires_in: 300, multiple: true }, home: { last_read_id: "1" } }),
      pairs([["status", "hi"], ["poll[options][]", "a"], ["poll[options][]", "b"], ["poll[expires_in]", "300"], ["poll[multiple]", "true"],
        ["home[last_read_id]", "1"]]));
    assert.deepEqual(flattenJson({ media_attributes: [{ id: "1", focus: "0,0" }], keep: null }),
      pairs([["media_attributes[0][id]", "1"], ["media_attributes[0][focus]", "0,0"]]));
  });

  test("multipart bodies give text pairs and typed file parts", () => {
    const body = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="description"\r\n\r\ncat\r\n'
      + '--b\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\r\n--b--\r\n');
    const parsed = parseMultipart(body, "multipart/form-data; boundary=b");
    assert.deepEqual(parsed.pairs, pairs([["description", "cat"], ["file", "<file:image/jpeg>"]]));
    assert.equal(parsed.files[0]?.contentType, "image/jpeg");
  });

  test("Mastodon.py's strays are dropped: valid_policies[], oauth_info, a body id repeating the path's", () => {
    const query = new URLSearchParams("id=5");
    assert.deepEqual(decodePairs("/api/v1/x/5", query, pairs([["valid_policies[]", "public"], ["oauth_info", "issuer"], ["a", "1"]])), pairs([["a", "1"]]));
    assert.deepEqual(decodePairs("/api/v1/notifications/dismiss", query, []), pairs([["id", "5"]]));
  });

  test("pairs compare as multisets, with 1/true and 0/false equal", () => {
    assert.deepEqual(comparePairs(pairs([["a", "1"], ["b", "0"], ["c", "True"]]), pairs([["c", "true"], ["b", "false"], ["a", "true"]])), { missing: [], extra: [] });
    const diff = comparePairs(pairs([["id[]", "1"], ["id[]", "1"]]), pairs([["id[]", "1"], ["id", "1"]]));
    assert.deepEqual(diff, { missing: pairs([["id[]", "1"]]), extra: pairs([["id", "1"]]) });
  });

  test("recorded cassettes load: gzip responses, binary multipart uploads", { skip: !existsSync(shared) && "no ../shared/cassettes" }, () => {
    const old = loadCassette(resolve(shared, "cassettes_pre_2_9_2", "test_status_card.yaml"));
    assert.equal((old.interactions[2]?.response.json as { url?: string }).url, "http://example.org/");
    const upload = loadCassette(resolve(shared, "cassettes", "test_media_post_file.yaml")).interactions[0]?.request;
    const bytes = upload?.files[0]?.bytes ?? new Uint8Array();
    assert.deepEqual([bytes[0], bytes[1], bytes.at(-2), bytes.at(-1)], [0xff, 0xd8, 0xff, 0xd9]);
    assert.deepEqual(upload?.pairs, pairs([["file", "<file:image/jpeg>"]]));
  });
});

describe("replay", () => {
  const cassette = parseCassette(TWO_CALLS, "/x/cassettes/test_two.yaml");
  const auth = (n = "") => ({ Authorization: `Bearer __MASTODON_PY_TEST_ACCESS_TOKEN${n}` });

  test("serves matching requests in order, with the recorded status, headers and body", async () => {
    const replay = new Replay(cassette.interactions);
    const first = await replay.fetch("http://localhost:3000/api/v1/accounts/verify_credentials/", { headers: auth("_2") });
    assert.equal(first.status, 200);
    assert.match(first.headers.get("content-type") ?? "", /json/);
    assert.equal(((await first.json()) as { id: string }).id, "2");
    const body = new URLSearchParams({ notify: "false", reblogs: "true" });
    const second = await replay.fetch("http://localhost:3000/api/v1/accounts/2/follow", { method: "POST", body, headers: auth() });
    assert.equal(second.status, 200);
    assert.equal(replay.exhausted, true);
    await assert.rejects(replay.fetch("http://localhost:3000/api/v1/instance"), /after the end of the recording/);
  });

  test("a different request is refused with a precise diff", async () => {
    const replay = new Replay(cassette.interactions);
    await assert.rejects(replay.fetch("http://localhost:3000/api/v1/accounts/verify_credentials", { headers: auth() }), (error: Error) =>
      error instanceof ReplayMismatchError && /recorded user 2's token, sent user 1's token/.test(error.message));
    assert.equal(replay.cursor, 0);
    await replay.fetch("http://localhost:3000/api/v1/accounts/verify_credentials", { headers: auth("_2") });
    await assert.rejects(replay.fetch("http://localhost:3000/api/v1/accounts/2/follow", {
      method: "POST", headers: { ...auth(), "Content-Type": "application/json" }, body: JSON.stringify({ reblogs: true }),
    }), /recorded but not sent: notify=0/);
  });
});

test("known differences tolerate only the listed keys on the listed route", () => {
  const follow = { method: "POST", path: "/api/v1/accounts/1/follow" };
  const sent = pairs([["reblogs", "true"], ["notify", "false"]]);
  const tolerated = tolerate(KNOWN_DIFFERENCES, follow, pairs([["reblogs", "1"]]), sent);
  assert.deepEqual(tolerated.actual, pairs([["reblogs", "true"]]));
  assert.equal(tolerated.used.length, 1);
  assert.deepEqual(tolerate(KNOWN_DIFFERENCES, follow, pairs([["reblogs", "1"], ["notify", "1"]]), sent).actual, sent);
  assert.deepEqual(tolerate(KNOWN_DIFFERENCES, { method: "POST", path: "/api/v1/statuses" }, [], sent).actual, sent);
});

describe("result checks", () => {
  test("dates must be Date, lists arrays; schema gaps are notes, not failures", () => {
    const account = JSON.parse(ACCOUNT) as Record<string, unknown>;
    assert.match(checkResult("Account", account).client.join(), /created_at: .*\bDate\b/);
    const converted = { ...account, created_at: new Date(0), last_status_at: new Date(0), surprise: 1 };
    assert.deepEqual(checkResult("Account", converted).client, []);
    assert.match(checkResult("Account", converted).schema.join(), /surprise/);
    assert.match(checkResult("Account[]", converted).client.join(), /expected an array/);
    assert.deepEqual(checkResult("PreviewCard|null", null).client, []);
    assert.match(checkResult("any", { x: { updated_at: "2026-08-01T00:00:00Z" } }).client.join(), /^$/);
    assert.match(checkResult("Record<string[]>", { x: { created_at: "2026-08-01T00:00:00Z" } }).client.join(), /left as the string/);
  });
});

/** A stand-in client, to show that the driver tells a right client from a wrong one. */
function fakeFacade(variant: "right" | "wrong-params" | "string-dates" | "no-follow"): FacadeModule {
  class Mastodon {
    access_token: string | null;
    constructor(private readonly options: Record<string, unknown>) {
      this.access_token = (options.access_token as string | undefined) ?? null;
    }
    private async send(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
      const fetch = this.options.fetch as typeof globalThis.fetch;
      const response = await fetch(`${String(this.options.api_base_url)}${path}`, { ...init, headers: { Authorization: `Bearer ${this.access_token}` } });
      return (await response.json()) as Record<string, unknown>;
    }
    async accountVerifyCredentials() {
      const account = await this.send("/api/v1/accounts/verify_credentials");
      if (variant === "string-dates") return account;
      return { ...account, created_at: new Date(String(account.created_at)), last_status_at: new Date(String(account.last_status_at)) };
    }
    accountFollow(id: { id: string } | string, options: { reblogs?: boolean; notify?: boolean }) {
      const body = new URLSearchParams({ reblogs: String(options.reblogs) });
      if (variant !== "wrong-params") body.set("notify", String(options.notify));
      return this.send(`/api/v1/accounts/${typeof id === "string" ? id : id.id}/follow`, { method: "POST", body });
    }
  }
  if (variant === "no-follow") Object.defineProperty(Mastodon.prototype, "accountFollow", { value: undefined });
  return { Mastodon } as unknown as FacadeModule;
}

describe("driver", () => {
  const cassette = parseCassette(TWO_CALLS, "/x/cassettes/test_two.yaml");
  const run = (variant: Parameters<typeof fakeFacade>[0]): Promise<CassetteResult> => runCassette(cassette, fakeFacade(variant));

  test("a client that sends the recorded requests and converts dates passes", async () => {
    const result = await run("right");
    assert.equal(result.status, "pass", result.reasons.join("\n"));
    assert.deepEqual([...result.methods], ["accountVerifyCredentials", "accountFollow"]);
  });

  test("a missing parameter fails the cassette, naming it", async () => {
    const result = await run("wrong-params");
    assert.equal(result.status, "fail");
    assert.match(result.reasons.join(), /accountFollow at #1 .*recorded but not sent: notify=0/);
  });

  test("dates left as strings fail the cassette", async () => {
    const result = await run("string-dates");
    assert.equal(result.status, "fail");
    assert.match(result.reasons.join(), /created_at: .*\bDate\b/);
  });

  test("a missing method makes the cassette not exercisable, with the reason", async () => {
    const result = await run("no-follow");
    assert.equal(result.status, "not-exercisable");
    assert.match(result.reasons.join(), /no client method accountFollow for #1 POST \/api\/v1\/accounts\/2\/follow/);
  });
});
