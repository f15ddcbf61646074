// Accounts (docs: methods/accounts.md): profiles, their statuses and social graph.
import { renderAccount, renderCredentialAccount, renderRelationship } from "../render/account.js";
import { renderFeaturedTag } from "../render/misc.js";
import type { Context } from "../server/context.js";
import { recordNotFound } from "../server/errors.js";
import { limitParam, paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { visibleTo } from "../services/visibility.js";
import type { StatusRecord } from "../state/types.js";
import { accountJson, findAccount, pageResponse, statusJson } from "./helpers.js";

export function accountRoutes(r: Router): void {
  r.get("/api/v1/accounts/verify_credentials", { access: "user", scopes: ["read:accounts", "profile"] }, (c) =>
    json(renderCredentialAccount(c.core, c.user())),
  );

  r.get("/api/v1/accounts/relationships", { access: "user", scopes: ["read:follows"] }, (c) => {
    const viewer = c.user();
    const ids = c.params.list("id");
    return json(ids.flatMap((id) => {
      const target = c.store.accounts.get(id);
      return target ? [renderRelationship(c.core, viewer, target)] : [];
    }));
  });

  r.get("/api/v1/accounts/familiar_followers", { access: "user", scopes: ["read:follows"] }, (c) => {
    const viewer = c.user();
    const following = new Set(c.store.followingIds(viewer.id));
    return json(c.params.list("id").map((id) => ({
      id,
      accounts: accountJson(c, c.store.followerIds(id).filter((f) => following.has(f)).flatMap((f) => {
        const account = c.store.accounts.get(f);
        return account ? [account] : [];
      })),
    })));
  });

  r.get("/api/v1/accounts/search", { access: "user", scopes: ["read:accounts"] }, (c) => {
    const found = searchAccounts(c, c.params.str("q") ?? "");
    const offset = Math.max(0, c.params.int("offset") ?? 0);
    return json(accountJson(c, found.slice(offset, offset + limitParam(c, 40))));
  });

  r.get("/api/v1/accounts/lookup", { access: "optional", scopes: ["read:accounts"] }, (c) => {
    const acct = (c.params.str("acct") ?? "").replace(/^@/, "");
    const [username, domain] = acct.split("@");
    if (!username || (domain !== undefined && domain.toLowerCase() !== c.core.domain().toLowerCase())) throw recordNotFound();
    const account = c.store.accountByUsername(username);
    if (!account) throw recordNotFound();
    return json(renderAccount(c.core, account));
  });

  r.get("/api/v1/accounts", { access: "public" }, (c) =>
    json(accountJson(c, c.params.list("id").flatMap((id) => {
      const account = c.store.accounts.get(id);
      return account ? [account] : [];
    }))),
  );

  r.get("/api/v1/accounts/:id", { access: "public" }, (c) => json(renderAccount(c.core, findAccount(c))));

  r.get("/api/v1/accounts/:id/statuses", { access: "optional", scopes: ["read:statuses"] }, (c) => accountStatuses(c));

  r.get("/api/v1/accounts/:id/followers", { access: "public" }, (c) => followList(c, "followers"));
  r.get("/api/v1/accounts/:id/following", { access: "public" }, (c) => followList(c, "following"));

  r.get("/api/v1/accounts/:id/featured_tags", { access: "public" }, (c) => {
    const account = findAccount(c);
    const tags = c.store.featuredTags.get(account.id) ?? new Map<string, string>();
    return json([...tags].map(([name, id]) => renderFeaturedTag(c.core, account, name, id)));
  });

  r.get("/api/v1/accounts/:id/lists", { access: "user", scopes: ["read:lists"] }, (c) => {
    const account = findAccount(c);
    const viewer = c.user();
    return json([...c.store.lists.values()]
      .filter((l) => l.accountId === viewer.id && l.memberIds.includes(account.id))
      .map((l) => ({ id: l.id, title: l.title, replies_policy: l.repliesPolicy, exclusive: l.exclusive })));
  });

  r.get("/api/v1/accounts/:id/endorsements", { access: "public" }, (c) => {
    const account = findAccount(c);
    const page = paginate(c, c.store.endorsements.byAccount(account.id), { cursor: (row) => row.id, defaultLimit: 40, prev: "since_id" });
    return pageResponse(page, accountJson(c, page.items.flatMap((row) => {
      const target = c.store.accounts.get(row.targetId);
      return target ? [target] : [];
    })));
  });

  r.get("/api/v1/accounts/:id/identity_proofs", { access: "user" }, (c) => {
    findAccount(c);
    return json([]);
  });
}

/** Prefix match on username and display name, best matches first (Mastodon's AccountSearchService). */
export function searchAccounts(c: Context, query: string) {
  const q = query.trim().replace(/^@/, "").split("@")[0]?.toLowerCase() ?? "";
  if (q === "") return [];
  const following = c.viewer && c.params.bool("following") ? new Set(c.store.followingIds(c.viewer.id)) : undefined;
  return [...c.store.accounts.values()]
    .filter((a) => !a.suspended && (!following || following.has(a.id)))
    .map((a) => {
      const username = a.username.toLowerCase();
      const display = a.displayName.toLowerCase();
      const score = username === q ? 3 : username.startsWith(q) ? 2 : display.includes(q) || username.includes(q) ? 1 : 0;
      return { a, score };
    })
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.a.username.localeCompare(y.a.username))
    .map((x) => x.a);
}

function accountStatuses(c: Context): Response {
  const account = findAccount(c);
  const p = c.params;
  const tagged = p.str("tagged")?.toLowerCase();
  let statuses: StatusRecord[] = c.store.statusesOf(account.id).filter((s) => visibleTo(c.store, c.viewer, s));
  if (p.bool("only_media")) statuses = statuses.filter((s) => s.mediaIds.length > 0);
  if (p.bool("exclude_replies")) statuses = statuses.filter((s) => s.inReplyToId === null || s.inReplyToAccountId === s.accountId);
  if (p.bool("exclude_reblogs")) statuses = statuses.filter((s) => s.reblogOfId === null);
  if (tagged) statuses = statuses.filter((s) => s.tags.some((t) => t.toLowerCase() === tagged));
  if (p.bool("pinned")) {
    const pins = c.store.pins.byAccount(account.id);
    statuses = statuses.filter((s) => pins.some((pin) => pin.targetId === s.id));
  }
  const keep = ["only_media", "exclude_replies", "exclude_reblogs", "pinned", "tagged"];
  const page = paginate(c, statuses, { cursor: (s) => s.id, keep });
  return pageResponse(page, statusJson(c, page.items, { context: "account" }));
}

function followList(c: Context, which: "followers" | "following"): Response {
  const account = findAccount(c);
  const hidden = account.hideCollections === true && c.viewer?.id !== account.id;
  const follows = hidden
    ? []
    : [...c.store.follows.values()].filter((f) => (which === "followers" ? f.targetId : f.accountId) === account.id);
  const page = paginate(c, follows, { cursor: (f) => f.id, defaultLimit: 40, prev: "since_id" });
  return pageResponse(page, accountJson(c, page.items.flatMap((f) => {
    const other = c.store.accounts.get(which === "followers" ? f.accountId : f.targetId);
    return other ? [other] : [];
  })));
}
