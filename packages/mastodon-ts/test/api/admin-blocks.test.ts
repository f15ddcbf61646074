import { test } from "node:test";
import assert from "node:assert/strict";
import type { RecordedRequest, Reply } from "../support/scripted-server.ts";
import { withServer, refuseAll, refused } from "../support/wire.ts";

const CREATED_AT = "2026-08-01T13:50:03.231Z";

/** Answers a list for a GET without an id, {} for a DELETE, and `entity` otherwise. */
function crud(entity: Record<string, unknown>): (request: RecordedRequest) => Reply {
  return (r) => {
    if (r.method === "DELETE") return { body: {} };
    if (r.method === "GET" && !/\/\d+$/.test(r.path)) return { body: [entity] };
    return { body: entity };
  };
}

function wire(r: RecordedRequest | undefined): string {
  if (!r) return "(none)";
  const form = [...r.form.entries()].map(([k, v]) => `${k}=${v}`).join("&");
  return `${r.method} ${r.path}${r.query.size > 0 ? `?${r.query.toString()}` : ""}${form ? ` ${form}` : ""}`;
}

test("domain blocks: create, list, get by id, update and delete, as Mastodon.py sends them", async () => {
  const block = { id: "1", domain: "chitter.xyz", created_at: CREATED_AT, severity: "suspend", reject_media: false };
  await withServer(crud(block), async (m, requests) => {
    const created = await m.adminCreateDomainBlock("chitter.xyz", { severity: "suspend", public_comment: "sicko behaviour" });
    const list = await m.adminDomainBlocks();
    await m.adminDomainBlocks({ max_id: "9", limit: 2 });
    const one = await m.adminDomainBlocks({ id: created });
    await m.adminUpdateDomainBlock(one, { severity: "silence", private_comment: "jk", reject_media: true, obfuscate: false });
    assert.deepEqual(await m.adminDeleteDomainBlock("1"), {});
    assert.deepEqual(requests.map(wire), [
      "POST /api/v1/admin/domain_blocks/ domain=chitter.xyz&severity=suspend&public_comment=sicko behaviour",
      "GET /api/v1/admin/domain_blocks/",
      "GET /api/v1/admin/domain_blocks/?max_id=9&limit=2",
      "GET /api/v1/admin/domain_blocks/1",
      "PUT /api/v1/admin/domain_blocks/1 severity=silence&reject_media=true&private_comment=jk&obfuscate=false",
      "DELETE /api/v1/admin/domain_blocks/1",
    ]);
    assert.ok(created.created_at instanceof Date);
    assert.equal(list[0]?.domain, "chitter.xyz");
    assert.equal(one.severity, "suspend");
  });
});

test("domain allows: list, get, create and delete", async () => {
  await withServer(crud({ id: "4", domain: "friends.example", created_at: CREATED_AT }), async (m, requests) => {
    const allowed = await m.adminCreateDomainAllow("friends.example");
    await m.adminDomainAllows({ since_id: "2" });
    const one = await m.adminDomainAllow(allowed);
    await m.adminDeleteDomainAllow(one);
    assert.deepEqual(requests.map(wire), [
      "POST /api/v1/admin/domain_allows domain=friends.example",
      "GET /api/v1/admin/domain_allows?since_id=2",
      "GET /api/v1/admin/domain_allows/4",
      "DELETE /api/v1/admin/domain_allows/4",
    ]);
    assert.ok(one.created_at instanceof Date);
  });
});

test("canonical e-mail blocks: create by address or hash, test, list, get, delete", async () => {
  const hash = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";
  await withServer((r) => (r.path.endsWith("/test") ? { body: [{ id: "2", canonical_email_hash: hash }] } : crud({ id: "2", canonical_email_hash: hash })(r)), async (m, requests) => {
    const block = await m.adminCreateCanonicalEmailBlock({ email: "test@example.com" });
    await m.adminCreateCanonicalEmailBlock({ canonical_email_hash: hash });
    const matches = await m.adminTestCanonicalEmailBlock("test+other@EXAMPLE.com");
    await m.adminCanonicalEmailBlocks({ limit: 1 });
    await m.adminCanonicalEmailBlock(block);
    await m.adminDeleteCanonicalEmailBlock("2");
    assert.deepEqual(requests.map(wire), [
      "POST /api/v1/admin/canonical_email_blocks email=test@example.com",
      `POST /api/v1/admin/canonical_email_blocks canonical_email_hash=${hash}`,
      "POST /api/v1/admin/canonical_email_blocks/test email=test+other@EXAMPLE.com",
      "GET /api/v1/admin/canonical_email_blocks?limit=1",
      "GET /api/v1/admin/canonical_email_blocks/2",
      "DELETE /api/v1/admin/canonical_email_blocks/2",
    ]);
    assert.deepEqual(matches, [{ id: "2", canonical_email_hash: hash }]);
  });
});

test("e-mail domain blocks: create, get, list, delete", async () => {
  const block = { id: "1", domain: "blockedexample.com", created_at: CREATED_AT, history: [] };
  await withServer(crud(block), async (m, requests) => {
    const created = await m.adminCreateEmailDomainBlock("blockedexample.com");
    await m.adminEmailDomainBlock(created);
    const list = await m.adminEmailDomainBlocks();
    await m.adminDeleteEmailDomainBlock("1");
    assert.deepEqual(requests.map(wire), [
      "POST /api/v1/admin/email_domain_blocks domain=blockedexample.com",
      "GET /api/v1/admin/email_domain_blocks/1",
      "GET /api/v1/admin/email_domain_blocks",
      "DELETE /api/v1/admin/email_domain_blocks/1",
    ]);
    assert.ok(list[0]?.created_at instanceof Date);
  });
});

test("IP blocks: create, get, list, update (with the id repeated in the body, as Mastodon.py does), delete", async () => {
  const block = { id: "1", ip: "8.8.8.0/24", severity: "no_access", comment: "DNS", created_at: CREATED_AT, expires_at: null };
  await withServer(crud(block), async (m, requests) => {
    const created = await m.adminCreateIpBlock("8.8.8.0/24", "no_access", { comment: "DNS" });
    await m.adminCreateIpBlock("10.0.0.0/8", "sign_up_block", { expires_in: 3600 });
    await m.adminIpBlock(created);
    await m.adminIpBlocks({ limit: 5 });
    const updated = await m.adminUpdateIpBlock(created, { comment: "Updated test block" });
    await m.adminUpdateIpBlock("1", { ip: "8.8.4.0/24", severity: "sign_up_requires_approval", expires_in: 60 });
    await m.adminDeleteIpBlock(updated);
    assert.deepEqual(requests.map(wire), [
      "POST /api/v1/admin/ip_blocks ip=8.8.8.0/24&severity=no_access&comment=DNS",
      "POST /api/v1/admin/ip_blocks ip=10.0.0.0/8&severity=sign_up_block&expires_in=3600",
      "GET /api/v1/admin/ip_blocks/1",
      "GET /api/v1/admin/ip_blocks?limit=5",
      "PUT /api/v1/admin/ip_blocks/1 id=1&comment=Updated test block",
      "PUT /api/v1/admin/ip_blocks/1 id=1&ip=8.8.4.0/24&severity=sign_up_requires_approval&expires_in=60",
      "DELETE /api/v1/admin/ip_blocks/1",
    ]);
    assert.ok(created.created_at instanceof Date);
    assert.equal(created.expires_at, null);
  });
});

test("block arguments that cannot work are refused before any request", async () => {
  await refused(() => refuseAll.adminCreateDomainBlock("x.example", { severity: "limit" }), /severity must be one of silence, suspend, noop/);
  await refused(() => refuseAll.adminUpdateDomainBlock("1", { severity: "ban" }), /severity/);
  await refused(() => refuseAll.adminCreateDomainBlock(""), /domain/);
  await refused(() => refuseAll.adminCreateDomainAllow(""), /domain/);
  await refused(() => refuseAll.adminCreateEmailDomainBlock(""), /domain/);
  await refused(() => refuseAll.adminCreateCanonicalEmailBlock(), /email or canonical_email_hash is required/);
  await refused(() => refuseAll.adminCreateCanonicalEmailBlock({ email: null, canonical_email_hash: "" }), /email or canonical_email_hash/);
  await refused(() => refuseAll.adminTestCanonicalEmailBlock(""), /email/);
  await refused(() => refuseAll.adminCreateIpBlock("1.2.3.4/32", "block"), /severity must be one of sign_up_requires_approval, sign_up_block, no_access/);
  await refused(() => refuseAll.adminCreateIpBlock("", "no_access"), /ip/);
  await refused(() => refuseAll.adminCreateIpBlock("1.2.3.4/32", "no_access", { expires_in: -5 }), /expires_in/);
  await refused(() => refuseAll.adminUpdateIpBlock("1", { severity: "nope" }), /severity/);
  await refused(() => refuseAll.adminUpdateIpBlock("1", { expires_in: Number.NaN }), /expires_in/);
  await refused(() => refuseAll.adminDeleteDomainBlock(""), /must not be empty/);
});
