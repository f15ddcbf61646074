// Search v2 (docs: methods/search.md): accounts, statuses and hashtags; v1 is gone (404).
import { renderTag } from "../render/misc.js";
import type { Context } from "../server/context.js";
import { invalidToken } from "../server/errors.js";
import { limitParam } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { visibleTo } from "../services/visibility.js";
import { searchAccounts } from "./accounts.js";
import { accountJson, statusJson } from "./helpers.js";

const TAG_NAME = /^[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*$/u;

export function searchRoutes(r: Router): void {
  r.get("/api/v2/search", { access: "optional", scopes: ["read:search"] }, (c) => search(c));
}

function search(c: Context): Response {
  const p = c.params;
  const q = (p.str("q") ?? "").trim();
  const type = p.str("type");
  const offset = Math.max(0, p.int("offset") ?? 0);
  // Unauthenticated searches may not page or resolve (docs: methods/search.md#v2).
  if (!c.viewer && (offset > 0 || p.bool("resolve"))) throw invalidToken();
  const limit = limitParam(c, 20);
  const window = <T>(items: T[]) => items.slice(offset, offset + limit);
  const wants = (kind: string) => type === undefined || type === "" || type === kind;
  const accountId = p.str("account_id");

  const accounts = wants("accounts") && q !== "" ? window(searchAccounts(c, q)) : [];
  const needle = q.toLowerCase();
  const statuses = wants("statuses") && c.viewer && needle !== ""
    ? window([...c.store.statuses.values()]
        .filter((s) => s.reblogOfId === null && (accountId === undefined || s.accountId === accountId))
        .filter((s) => s.text.toLowerCase().includes(needle) && visibleTo(c.store, c.viewer, s))
        .sort((a, b) => b.createdAt - a.createdAt))
    : [];
  const tagQuery = q.replace(/^#/, "").toLowerCase();
  let tags: string[] = [];
  if (wants("hashtags") && tagQuery !== "" && TAG_NAME.test(tagQuery)) {
    tags = [...c.store.tags.keys()].filter((name) => name.startsWith(tagQuery)).sort();
    // Mastodon always offers the exact tag, even before anyone used it.
    if (!tags.includes(tagQuery)) tags.unshift(tagQuery);
    tags = window(tags);
  }
  return json({
    accounts: accountJson(c, accounts),
    statuses: statusJson(c, statuses),
    hashtags: tags.map((name) => renderTag(c.core, name, c.viewer)),
    collections: [],
  });
}
