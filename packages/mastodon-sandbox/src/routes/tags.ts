// Hashtags: viewing, following and featuring (docs: methods/tags.md, followed_tags.md, featured_tags.md).
import { renderFeaturedTag, renderTag } from "../render/misc.js";
import type { Context } from "../server/context.js";
import { recordNotFound, validationFailed } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { pageResponse } from "./helpers.js";

const TAG_NAME = /^[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*$/u;

function tagName(c: Context, raw = c.path("name")): string {
  const name = raw.replace(/^#/, "").toLowerCase();
  if (!TAG_NAME.test(name) || name.length > 100) throw recordNotFound();
  return name;
}

export function tagRoutes(r: Router): void {
  const follows = { access: "user", scopes: ["write:follows"] } as const;
  const accounts = { access: "user", scopes: ["write:accounts"] } as const;

  r.get("/api/v1/tags/:name", { access: "public" }, (c) => json(renderTag(c.core, tagName(c), c.viewer)));

  r.post("/api/v1/tags/:name/follow", follows, (c) => {
    const name = tagName(c);
    c.store.touchTag(name);
    const followed = c.store.tagSet(c.store.followedTags, c.user().id);
    if (!followed.has(name)) followed.set(name, c.store.sequences.next("tag_follows"));
    return json(renderTag(c.core, name, c.viewer));
  });

  r.post("/api/v1/tags/:name/unfollow", follows, (c) => {
    const name = tagName(c);
    c.store.tagSet(c.store.followedTags, c.user().id).delete(name);
    return json(renderTag(c.core, name, c.viewer));
  });

  r.post("/api/v1/tags/:name/feature", accounts, (c) => {
    const name = tagName(c);
    c.store.touchTag(name);
    const featured = c.store.tagSet(c.store.featuredTags, c.user().id);
    if (!featured.has(name)) featured.set(name, c.store.sequences.next("featured_tags"));
    return json(renderTag(c.core, name, c.viewer));
  });

  r.post("/api/v1/tags/:name/unfeature", accounts, (c) => {
    const name = tagName(c);
    c.store.tagSet(c.store.featuredTags, c.user().id).delete(name);
    return json(renderTag(c.core, name, c.viewer));
  });

  r.get("/api/v1/followed_tags", { access: "user", scopes: ["read:follows"] }, (c) => {
    const rows = [...c.store.tagSet(c.store.followedTags, c.user().id)].map(([name, id]) => ({ name, id }));
    const page = paginate(c, rows, { cursor: (row) => row.id, defaultLimit: 100, prev: "since_id" });
    return pageResponse(page, page.items.map((row) => renderTag(c.core, row.name, c.viewer)));
  });

  r.get("/api/v1/featured_tags", { access: "user", scopes: ["read:accounts"] }, (c) => {
    const account = c.user();
    return json([...c.store.tagSet(c.store.featuredTags, account.id)].map(([name, id]) => renderFeaturedTag(c.core, account, name, id)));
  });

  r.post("/api/v1/featured_tags", accounts, (c) => {
    const account = c.user();
    const raw = c.params.str("name") ?? "";
    if (raw.trim() === "") throw validationFailed("Tag can't be blank");
    const name = raw.replace(/^#/, "").toLowerCase();
    if (!TAG_NAME.test(name)) throw validationFailed("Tag is invalid");
    const featured = c.store.tagSet(c.store.featuredTags, account.id);
    if (featured.has(name)) throw validationFailed("Tag has already been taken");
    if (featured.size >= 10) throw validationFailed("You can feature at most 10 hashtags");
    const id = c.store.sequences.next("featured_tags");
    featured.set(name, id);
    c.store.touchTag(name);
    return json(renderFeaturedTag(c.core, account, name, id));
  });

  r.get("/api/v1/featured_tags/suggestions", { access: "user", scopes: ["read:accounts"] }, (c) => {
    const used = new Set(c.store.statusesOf(c.user().id).flatMap((s) => s.tags.map((t) => t.toLowerCase())));
    return json([...used].slice(0, 10).map((name) => renderTag(c.core, name, c.viewer)));
  });

  r.delete("/api/v1/featured_tags/:id", accounts, (c) => {
    const featured = c.store.tagSet(c.store.featuredTags, c.user().id);
    const entry = [...featured].find(([, id]) => id === c.path("id"));
    if (!entry) throw recordNotFound();
    featured.delete(entry[0]);
    return json({});
  });
}
