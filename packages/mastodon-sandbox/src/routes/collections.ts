// The signed-in user's own collections: favourites, bookmarks, blocks, mutes, endorsements,
// follow requests and domain blocks (docs: methods/favourites.md, bookmarks.md, blocks.md,
// mutes.md, endorsements.md, follow_requests.md, domain_blocks.md).
import { renderAccount, renderRelationship } from "../render/account.js";
import { isoTime } from "../render/time.js";
import type { Context } from "../server/context.js";
import { validationFailed } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { authorizeFollowRequest, rejectFollowRequest } from "../services/relationships.js";
import { visibleTo } from "../services/visibility.js";
import type { LinkRecord } from "../state/types.js";
import { findAccount, pageResponse, statusJson } from "./helpers.js";

export function collectionRoutes(r: Router): void {
  const statusList = (path: string, scope: string, rows: (c: Context) => LinkRecord[]) =>
    r.get(path, { access: "user", scopes: [scope] }, (c) => {
      const visible = rows(c).filter((row) => {
        const status = c.store.statuses.get(row.targetId);
        return status !== undefined && visibleTo(c.store, c.viewer, status);
      });
      const page = paginate(c, visible, { cursor: (row) => row.id });
      return pageResponse(page, statusJson(c, page.items.flatMap((row) => {
        const status = c.store.statuses.get(row.targetId);
        return status ? [status] : [];
      })));
    });
  statusList("/api/v1/favourites", "read:favourites", (c) => c.store.favourites.byAccount(c.user().id));
  statusList("/api/v1/bookmarks", "read:bookmarks", (c) => c.store.bookmarks.byAccount(c.user().id));

  const accountList = (path: string, scopes: string[], rows: (c: Context) => { id: string; accountId: string }[], extra?: (c: Context, accountId: string) => Record<string, unknown>) =>
    r.get(path, { access: "user", scopes }, (c) => {
      const page = paginate(c, rows(c), { cursor: (row) => row.id, defaultLimit: 40, prev: "since_id" });
      return pageResponse(page, page.items.flatMap((row) => {
        const account = c.store.accounts.get(row.accountId);
        return account ? [{ ...renderAccount(c.core, account), ...(extra ? extra(c, account.id) : {}) }] : [];
      }));
    });
  accountList("/api/v1/blocks", ["read:blocks"], (c) => c.store.blocks.byAccount(c.user().id).map((b) => ({ id: b.id, accountId: b.targetId })));
  accountList(
    "/api/v1/mutes",
    ["read:mutes"],
    (c) => [...c.store.mutes.values()].filter((m) => m.accountId === c.user().id).map((m) => ({ id: m.id, accountId: m.targetId })),
    (c, accountId) => {
      const mute = c.store.mute(c.user().id, accountId);
      return { mute_expires_at: mute?.expiresAt ? isoTime(mute.expiresAt) : null };
    },
  );
  accountList("/api/v1/endorsements", ["read:accounts"], (c) => c.store.endorsements.byAccount(c.user().id).map((e) => ({ id: e.id, accountId: e.targetId })));
  accountList("/api/v1/follow_requests", ["read:follows", "follow"], (c) =>
    [...c.store.followRequests.values()].filter((f) => f.targetId === c.user().id).map((f) => ({ id: f.id, accountId: f.accountId })),
  );

  const followScopes = { access: "user", scopes: ["write:follows", "follow"] } as const;
  r.post("/api/v1/follow_requests/:account_id/authorize", followScopes, (c) => {
    const requester = findAccount(c, c.path("account_id"));
    authorizeFollowRequest(c.core, c.user(), requester);
    return json(renderRelationship(c.core, c.user(), requester));
  });
  r.post("/api/v1/follow_requests/:account_id/reject", followScopes, (c) => {
    const requester = findAccount(c, c.path("account_id"));
    rejectFollowRequest(c.core, c.user(), requester);
    return json(renderRelationship(c.core, c.user(), requester));
  });

  r.get("/api/v1/domain_blocks", { access: "user", scopes: ["read:blocks", "follow"] }, (c) => {
    const rows = [...c.store.domainBlocksOf(c.user().id)].map(([domain, id]) => ({ domain, id }));
    const page = paginate(c, rows, { cursor: (row) => row.id, defaultLimit: 100, prev: "since_id" });
    return pageResponse(page, page.items.map((row) => row.domain));
  });
  const domainParam = (c: Context) => {
    const domain = (c.params.str("domain") ?? "").trim().toLowerCase();
    if (domain === "" || !/^[a-z0-9.-]+(:\d+)?$/.test(domain)) throw validationFailed("Domain is invalid");
    return domain;
  };
  r.post("/api/v1/domain_blocks", { access: "user", scopes: ["write:blocks", "follow"] }, (c) => {
    const blocks = c.store.domainBlocksOf(c.user().id);
    const domain = domainParam(c);
    if (!blocks.has(domain)) blocks.set(domain, c.store.sequences.next("account_domain_blocks"));
    return json({});
  });
  r.delete("/api/v1/domain_blocks", { access: "user", scopes: ["write:blocks", "follow"] }, (c) => {
    c.store.domainBlocksOf(c.user().id).delete(domainParam(c));
    return json({});
  });
}
