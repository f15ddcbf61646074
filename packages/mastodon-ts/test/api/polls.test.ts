import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { startScriptedServer } from "../support/scripted-server.ts";

const POLL = { id: "1", expires_at: "2026-08-01T13:58:07.237Z", expired: false, multiple: true, votes_count: 1, voters_count: 1, options: [], emojis: [], own_votes: [1] };

test("makePoll builds the poll option without a request, and statusPost sends it as JSON", async () => {
  const server = await startScriptedServer(() => ({ body: { id: "9", poll: POLL } }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const answers = ["four twenty", "sixty-nine"];
    const poll = m.makePoll(answers, 300, { multiple: true });
    assert.deepEqual(poll, { options: ["four twenty", "sixty-nine"], expires_in: 300, multiple: true, hide_totals: false });
    answers.push("changed later");
    assert.equal(poll.options.length, 2);
    assert.equal(server.requests.length, 0);
    await m.statusPost("nice", { poll });
    const [post] = server.requests;
    assert.equal(post?.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(post?.body.toString("utf8") ?? ""), { status: "nice", poll });
  } finally {
    await server.close();
  }
});

test("pollVote sends choices[] for one choice or many; poll reads one; both resolve to the poll", async () => {
  const server = await startScriptedServer(() => ({ body: POLL }));
  try {
    const m = new Mastodon({ api_base_url: server.url, access_token: "tok" });
    const voted = await m.pollVote({ id: "1" }, 1);
    assert.ok(voted.expires_at instanceof Date);
    await m.pollVote("1", [0, 2]);
    assert.deepEqual((await m.poll("1")).own_votes, [1]);
    const [one, many, get] = server.requests;
    assert.equal(one?.method, "POST");
    assert.equal(one?.path, "/api/v1/polls/1/votes");
    assert.deepEqual(one?.form.getAll("choices[]"), ["1"]);
    assert.deepEqual(many?.form.getAll("choices[]"), ["0", "2"]);
    assert.equal(get?.method, "GET");
    assert.equal(get?.path, "/api/v1/polls/1");
  } finally {
    await server.close();
  }
});

test("bad polls and votes are refused before any request", async () => {
  const m = new Mastodon({ api_base_url: "https://example.social", fetch: () => Promise.reject(new Error("no request expected")) });
  const refused = (e: unknown): boolean => e instanceof MastodonIllegalArgumentError;
  assert.throws(() => m.makePoll(["only one"], 300), refused);
  assert.throws(() => m.makePoll(["a", "b"], 0), /expires_in/);
  await assert.rejects(m.statusPost("x", { poll: { options: ["a", "b"], expires_in: -5 } }), /expires_in/);
  await assert.rejects(m.pollVote("1", []), refused);
  await assert.rejects(m.pollVote("1", -1), refused);
  await assert.rejects(m.pollVote("1", [0.5]), /choices/);
});
