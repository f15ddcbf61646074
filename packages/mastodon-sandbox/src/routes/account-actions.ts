// Actions on another account: follow, block, mute, note, endorse
// (docs: methods/accounts.md#follow and following sections). All answer with a Relationship.
import { renderRelationship } from "../render/account.js";
import type { Context } from "../server/context.js";
import { recordNotFound, validationFailed } from "../server/errors.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { block, follow, mute, unfollow } from "../services/relationships.js";
import { findAccount } from "./helpers.js";

function relationship(c: Context): Response {
  return json(renderRelationship(c.core, c.user(), findAccount(c)));
}

export function accountActionRoutes(r: Router): void {
  const follows = { access: "user", scopes: ["write:follows"] } as const;
  const blocks = { access: "user", scopes: ["write:blocks"] } as const;
  const mutes = { access: "user", scopes: ["write:mutes"] } as const;
  const accounts = { access: "user", scopes: ["write:accounts"] } as const;

  r.post("/api/v1/accounts/:id/follow", follows, (c) => {
    const languages = c.params.has("languages") || c.params.has("languages[]") ? c.params.list("languages") : undefined;
    follow(c.core, c.user(), findAccount(c), { reblogs: c.params.bool("reblogs"), notify: c.params.bool("notify"), languages });
    return relationship(c);
  });

  r.post("/api/v1/accounts/:id/unfollow", follows, (c) => {
    unfollow(c.core, c.user(), findAccount(c));
    return relationship(c);
  });

  r.post("/api/v1/accounts/:id/remove_from_followers", follows, (c) => {
    const target = findAccount(c);
    c.store.follows.delete(c.store.relationKey(target.id, c.user().id));
    return relationship(c);
  });

  r.post("/api/v1/accounts/:id/block", blocks, (c) => {
    block(c.core, c.user(), findAccount(c));
    return relationship(c);
  });

  r.post("/api/v1/accounts/:id/unblock", blocks, (c) => {
    c.store.blocks.remove(c.user().id, findAccount(c).id);
    return relationship(c);
  });

  r.post("/api/v1/accounts/:id/mute", mutes, (c) => {
    mute(c.core, c.user(), findAccount(c), c.params.bool("notifications") ?? true, c.params.int("duration") ?? 0);
    return relationship(c);
  });

  r.post("/api/v1/accounts/:id/unmute", mutes, (c) => {
    c.store.mutes.delete(c.store.relationKey(c.user().id, findAccount(c).id));
    return relationship(c);
  });

  r.post("/api/v1/accounts/:id/note", accounts, (c) => {
    const target = findAccount(c);
    const comment = c.params.str("comment") ?? "";
    if ([...comment].length > 2000) throw validationFailed("Comment is too long (maximum is 2000 characters)");
    const key = c.store.relationKey(c.user().id, target.id);
    if (comment === "") c.store.notes.delete(key);
    else c.store.notes.set(key, comment);
    return relationship(c);
  });

  // Endorsing ("featuring") needs a follow (docs: methods/accounts.md#endorse); pin/unpin are the old names.
  for (const verb of ["endorse", "pin"]) {
    r.post(`/api/v1/accounts/:id/${verb}`, accounts, (c) => {
      const target = findAccount(c);
      if (!c.store.follow(c.user().id, target.id)) throw validationFailed("You must be already following the person you want to endorse");
      c.store.endorsements.add(c.user().id, target.id);
      return relationship(c);
    });
  }
  for (const verb of ["unendorse", "unpin"]) {
    r.post(`/api/v1/accounts/:id/${verb}`, accounts, (c) => {
      c.store.endorsements.remove(c.user().id, findAccount(c).id);
      return relationship(c);
    });
  }

  r.delete("/api/v1/suggestions/:account_id", { access: "user", scopes: ["read"] }, (c) => {
    if (!c.store.accounts.has(c.path("account_id"))) throw recordNotFound();
    return json({});
  });
}
