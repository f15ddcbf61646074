// Unit tests of the pure parts: Rails parameter parsing, text formatting, ids, scopes.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { hasAnyScope } from "../src/oauth/scopes.ts";
import { Params, paramsFromEntries } from "../src/server/params.ts";
import { isoMicroseconds } from "../src/server/ratelimit.ts";
import { SnowflakeIds } from "../src/state/ids.ts";
import { formatText } from "../src/text/format.ts";

describe("Rails-style parameters", () => {
  test("brackets build arrays and nested hashes", () => {
    const raw = paramsFromEntries([
      ["media_ids[]", "1"],
      ["media_ids[]", "2"],
      ["poll[options][]", "a"],
      ["poll[options][]", "b"],
      ["poll[expires_in]", "300"],
      ["fields_attributes[0][name]", "n0"],
      ["fields_attributes[1][name]", "n1"],
      ["fields_attributes[0][value]", "v0"],
      ["media_attributes[][id]", "9"],
      ["media_attributes[][description]", "d9"],
      ["media_attributes[][id]", "10"],
    ]);
    const p = new Params(raw);
    assert.deepEqual(p.list("media_ids"), ["1", "2"]);
    assert.deepEqual(p.obj("poll")?.list("options"), ["a", "b"]);
    assert.equal(p.obj("poll")?.int("expires_in"), 300);
    assert.deepEqual(p.objects("fields_attributes").map((f) => [f.str("name"), f.str("value")]), [["n0", "v0"], ["n1", undefined]]);
    assert.deepEqual(p.objects("media_attributes").map((m) => [m.str("id"), m.str("description")]), [["9", "d9"], ["10", undefined]]);
  });

  test("booleans follow ActiveModel casting", () => {
    const p = new Params(paramsFromEntries([["a", "1"], ["b", "0"], ["c", "false"], ["d", "True"], ["e", ""], ["f", "off"]]));
    assert.deepEqual(["a", "b", "c", "d", "e", "f", "g"].map((k) => p.bool(k)), [true, false, false, true, undefined, false, undefined]);
  });

  test("malformed keys stay literal instead of throwing", () => {
    const p = new Params(paramsFromEntries([["a[b", "1"], ["]x[", "2"], ["c[][][]", "3"]]));
    assert.equal(p.str("a[b"), "1");
    assert.equal(p.str("]x["), "2");
  });
});

describe("status text formatting", () => {
  const env = { baseUrl: "http://s", localDomain: "s", findAccount: (u: string) => (u.toLowerCase() === "bob" ? "bob" : undefined) };

  test("mentions, hashtags and links render like Mastodon", () => {
    const result = formatText("Hi @bob and @nobody #Cats https://example.com/x", env);
    assert.equal(
      result.html,
      '<p>Hi <span class="h-card" translate="no"><a href="http://s/@bob" class="u-url mention">@<span>bob</span></a></span> and @nobody ' +
        '<a href="http://s/tags/Cats" class="mention hashtag" rel="tag">#<span>Cats</span></a> ' +
        '<a href="https://example.com/x" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span class="">example.com/x</span><span class="invisible"></span></a></p>',
    );
    assert.deepEqual(result.mentions, ["bob"]);
    assert.deepEqual(result.tags, ["Cats"]);
  });

  test("long links are cut with an ellipsis span; paragraphs and line breaks", () => {
    const result = formatText("a\nb\n\nhttps://www.example.com/0123456789012345678901234567890123", env);
    assert.match(result.html, /^<p>a<br \/>b<\/p><p><a /);
    assert.match(result.html, /<span class="invisible">https:\/\/www\.<\/span><span class="ellipsis">example\.com\/012345678901234567<\/span><span class="invisible">8901234567890123<\/span>/);
  });

  test("HTML in the text is escaped", () => {
    assert.equal(formatText("<b>x</b> & y", env).html, "<p>&lt;b&gt;x&lt;/b&gt; &amp; y</p>");
  });
});

describe("ids and scopes", () => {
  test("snowflakes are strictly increasing even with a frozen clock", () => {
    const ids = new SnowflakeIds(() => 1_700_000_000_000);
    const a = ids.next();
    const b = ids.next();
    assert.equal(a, String(1_700_000_000_000n << 16n));
    assert.ok(BigInt(b) > BigInt(a));
  });

  test("read implies read:*, follow covers follows/blocks/mutes, profile covers only itself", () => {
    assert.ok(hasAnyScope(["read"], ["read:statuses"]));
    assert.ok(hasAnyScope(["write"], ["write:media"]));
    assert.ok(!hasAnyScope(["read"], ["write:statuses"]));
    assert.ok(hasAnyScope(["follow"], ["read:blocks"]));
    assert.ok(!hasAnyScope(["profile"], ["read:accounts"]));
    assert.ok(hasAnyScope(["admin:read"], ["admin:read:accounts"]));
  });

  test("rate-limit reset is ISO 8601 with microseconds", () => {
    assert.equal(isoMicroseconds(Date.UTC(2026, 7, 1, 13, 50, 0, 239)), "2026-08-01T13:50:00.239000Z");
  });
});
