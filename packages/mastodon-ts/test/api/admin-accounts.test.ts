import { test } from "node:test";
import assert from "node:assert/strict";
import { Mastodon, MastodonIllegalArgumentError } from "../../src/index.ts";
import { withServer } from "../support/wire.ts";

const ADMIN_ACCOUNT = {
  id: "117020566092212359", username: "alice", domain: null, created_at: "2026-08-01T13:48:54.006Z",
  email: "alice@localhost", ip: null, confirmed: true, suspended: false, silenced: false, disabled: false,
  approved: true, locale: null, invite_request: null, sensitized: false, ips: [],
  account: { id: "117020566092212359", username: "alice", acct: "alice" },
};

function pairs(search: URLSearchParams): string[] {
  return [...search.entries()].map(([k, v]) => `${k}=${v}`).sort();
}

test("adminAccountsV2 sends its filters as the v2 query, with ids, Dates and domains resolved", async () => {
  await withServer(() => ({ body: [ADMIN_ACCOUNT], headers: { link: "<http://x/api/v2/admin/accounts?max_id=5>; rel=\"next\"" } }), async (m, requests) => {
    const page = await m.adminAccountsV2({
      origin: "remote", by_domain: "https://chitter.xyz", status: "suspended", username: "al", display_name: "Al",
      email: "a@b.c", ip: "10.0.0.1", permissions: "staff", invited_by: { id: "42" }, role_ids: ["1", { id: "2" }],
      max_id: new Date("2026-08-01T00:00:00Z"), limit: 50,
    });
    const [request] = requests;
    assert.equal(request?.method, "GET");
    assert.equal(request?.path, "/api/v2/admin/accounts");
    assert.deepEqual(pairs(request?.query ?? new URLSearchParams()), [
      "by_domain=chitter.xyz", "display_name=Al", "email=a@b.c", "invited_by=42", "ip=10.0.0.1", "limit=50",
      `max_id=${((BigInt(Date.parse("2026-08-01T00:00:00Z") / 1000) << 16n) * 1000n).toString()}`,
      "origin=remote", "permissions=staff", "role_ids[]=1", "role_ids[]=2", "status=suspended", "username=al",
    ]);
    assert.equal(page[0]?.username, "alice");
    assert.ok(page[0]?.created_at instanceof Date);
    assert.equal(m.getPaginationInfo(page, "next")?.params.max_id, "5");

    await m.adminAccountsV2();
    assert.deepEqual(pairs(requests[1]?.query ?? new URLSearchParams()), []);
  });
});

test("adminAccounts and adminAccountsV1 use the v1 flags (active by default), on new servers too", async () => {
  await withServer(() => ({ body: [ADMIN_ACCOUNT] }), async (m, requests) => {
    const list = await m.adminAccounts();
    await m.adminAccountsV1({ remote: true, status: "pending", staff_only: true, by_domain: "http://a.example", username: "bob", since_id: "9" });
    await m.adminAccounts({ remote: false, staff_only: false, status: "silenced", limit: 3 });
    assert.deepEqual(requests.map((r) => r.path), ["/api/v1/admin/accounts", "/api/v1/admin/accounts", "/api/v1/admin/accounts"]);
    assert.deepEqual(pairs(requests[0]?.query ?? new URLSearchParams()), ["active=true"]);
    assert.deepEqual(pairs(requests[1]?.query ?? new URLSearchParams()), ["by_domain=a.example", "pending=true", "remote=true", "since_id=9", "staff=true", "username=bob"]);
    assert.deepEqual(pairs(requests[2]?.query ?? new URLSearchParams()), ["limit=3", "silenced=true"]);
    assert.equal(list[0]?.email, "alice@localhost");
  }, { mastodon_version: "4.5.0" });
});

test("one-account admin actions use their verbs and paths, and accept the entity", async () => {
  await withServer(() => ({ body: ADMIN_ACCOUNT }), async (m, requests) => {
    const account = await m.adminAccount(ADMIN_ACCOUNT);
    assert.ok(account.created_at instanceof Date);
    await m.adminAccountEnable(account);
    await m.adminAccountApprove("7");
    await m.adminAccountReject("7");
    await m.adminAccountUnsilence("7");
    await m.adminAccountUnsuspend("7");
    await m.adminAccountUnsensitive("7");
    const deleted = await m.adminAccountDelete("7");
    assert.equal(deleted.id, ADMIN_ACCOUNT.id);
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.body.length}`), [
      `GET /api/v1/admin/accounts/${ADMIN_ACCOUNT.id} 0`,
      `POST /api/v1/admin/accounts/${ADMIN_ACCOUNT.id}/enable 0`,
      "POST /api/v1/admin/accounts/7/approve 0",
      "POST /api/v1/admin/accounts/7/reject 0",
      "POST /api/v1/admin/accounts/7/unsilence 0",
      "POST /api/v1/admin/accounts/7/unsuspend 0",
      "POST /api/v1/admin/accounts/7/unsensitive 0",
      "DELETE /api/v1/admin/accounts/7 0",
    ]);
  });
});

test("adminAccountModerate sends type (none by default) and the e-mail choice as a form", async () => {
  await withServer(() => ({ body: {} }), async (m, requests) => {
    assert.deepEqual(await m.adminAccountModerate("7"), {});
    await m.adminAccountModerate({ id: "7" }, { action: "suspend", report_id: { id: "3" }, warning_preset_id: "2", text: "spam", send_email_notification: false });
    await m.adminAccountModerate("7", { action: "sensitive", send_email_notification: null });
    assert.equal(requests[0]?.path, "/api/v1/admin/accounts/7/action");
    assert.equal(requests[0]?.method, "POST");
    assert.deepEqual(pairs(requests[0]?.form ?? new URLSearchParams()), ["send_email_notification=true", "type=none"]);
    assert.deepEqual(pairs(requests[1]?.form ?? new URLSearchParams()), [
      "report_id=3", "send_email_notification=false", "text=spam", "type=suspend", "warning_preset_id=2",
    ]);
    assert.deepEqual(pairs(requests[2]?.form ?? new URLSearchParams()), ["send_email_notification=true", "type=sensitive"]);
  });
});

test("unknown admin account filters and actions are refused before any request", async () => {
  const m = new Mastodon({
    api_base_url: "https://example.social", access_token: "t",
    fetch: () => Promise.reject(new Error("a request was sent for an invalid argument")),
  });
  const cases: Array<[() => Promise<unknown>, RegExp]> = [
    [() => m.adminAccountsV2({ origin: "everywhere" }), /origin/],
    [() => m.adminAccountsV2({ status: "banned" }), /status/],
    [() => m.adminAccountsV2({ permissions: "admin" }), /permissions/],
    [() => m.adminAccountsV2({ invited_by: "" }), /invited_by/],
    [() => m.adminAccountsV1({ status: "local" }), /status/],
    [() => m.adminAccounts({ status: "remote" }), /status/],
    [() => m.adminAccountModerate("1", { action: "ban" }), /action must be one of none, sensitive, disable, silence, suspend/],
    [() => m.adminAccountModerate("1", { report_id: "" }), /report_id/],
    [() => m.adminAccount("."), /not a valid id/],
  ];
  for (const [call, message] of cases) {
    await assert.rejects(call(), (e: unknown) => e instanceof MastodonIllegalArgumentError && message.test(e.message));
  }
});
